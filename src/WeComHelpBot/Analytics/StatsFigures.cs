namespace WeComHelpBot.Analytics;

/// <summary>
/// The numbers of one day, one channel, or of the whole period when <see cref="Date"/> and <see cref="Channel"/> are null.
/// Rates are 0–1 and null when their base is zero (no questions, no feedback...), so "no data" never reads as 0%.
/// The definitions are in README.md (客服工作台 → 数字的定义).
/// </summary>
public sealed record StatsFigures
{
    public DateOnly? Date { get; init; }

    /// <summary>Bot Framework channel id for the per-channel figures ("" when the conversation's start was not recorded).</summary>
    public string? Channel { get; init; }

    /// <summary>Conversations with at least one recorded event.</summary>
    public int Conversations { get; init; }

    /// <summary>Conversations that asked for help: a question, a flow or a hand-over (the base of the resolution rates).</summary>
    public int HelpConversations { get; init; }

    /// <summary>Questions that reached the knowledge base: answered + misread + unanswered. Feedback replies are not questions.</summary>
    public int Questions { get; init; }

    /// <summary>Answers that were not misread.</summary>
    public int Answers { get; init; }

    /// <summary>Answers followed by 没帮助 for them, or by the same question again within 24 h.</summary>
    public int MisreadAnswers { get; init; }

    public int Unanswered { get; init; }

    public int LowConfidence { get; init; }

    public int ClarifyShown { get; init; }

    /// <summary>Answers (not misread) / questions.</summary>
    public double? KnowledgeHitRate { get; init; }

    public int Helpful { get; init; }

    public int NotHelpful { get; init; }

    /// <summary>Helpful / (helpful + not helpful).</summary>
    public double? HelpfulRate { get; init; }

    public int FlowsStarted { get; init; }

    public int FlowsCompleted { get; init; }

    public int TicketsCreated { get; init; }

    public int Confirmed { get; init; }

    public int Assumed { get; init; }

    public int NotResolved { get; init; }

    public int Pending { get; init; }

    /// <summary>(Confirmed + assumed) / (help conversations − pending).</summary>
    public double? ResolutionRate { get; init; }

    /// <summary>Confirmed / (help conversations − pending).</summary>
    public double? ConfirmedResolutionRate { get; init; }

    /// <summary>Help conversations that were never handed to a person / help conversations.</summary>
    public double? DeflectionRate { get; init; }

    /// <summary>Help conversations that asked for a person or got a ticket / help conversations.</summary>
    public double? TransferToHumanRate { get; init; }

    public int RatingsRequested { get; init; }

    public int Ratings { get; init; }

    public double? SatisfactionAverage { get; init; }

    /// <summary>Ratings of 4 or 5 / ratings (CSAT).</summary>
    public double? SatisfactionRate { get; init; }

    /// <summary>Ratings given / ratings asked for.</summary>
    public double? RatingParticipation { get; init; }
}
