namespace WeComHelpBot.Analytics;

/// <summary>
/// The numbers of one day, or of the whole period when <see cref="Date"/> is null. Rates are 0–1 and null when
/// their base is zero (no questions, no feedback...), so "no data" never reads as 0%.
/// </summary>
public sealed record StatsFigures
{
    public DateOnly? Date { get; init; }

    /// <summary>Conversations with at least one recorded event.</summary>
    public int Conversations { get; init; }

    /// <summary>Questions that reached the knowledge base: answered + unanswered.</summary>
    public int Questions { get; init; }

    public int Answers { get; init; }

    public int Unanswered { get; init; }

    public int LowConfidence { get; init; }

    public int ClarifyShown { get; init; }

    /// <summary>Answers / questions.</summary>
    public double? KnowledgeHitRate { get; init; }

    public int Helpful { get; init; }

    public int NotHelpful { get; init; }

    /// <summary>Helpful / (helpful + not helpful).</summary>
    public double? HelpfulRate { get; init; }

    public int FlowsStarted { get; init; }

    public int FlowsCompleted { get; init; }

    public int TicketsCreated { get; init; }

    /// <summary>Conversations that ended without a ticket / conversations.</summary>
    public double? DeflectionRate { get; init; }

    /// <summary>Conversations that asked for a person or got a ticket / conversations.</summary>
    public double? TransferToHumanRate { get; init; }

    public int RatingsRequested { get; init; }

    public int Ratings { get; init; }

    public double? SatisfactionAverage { get; init; }

    /// <summary>Ratings given / ratings asked for.</summary>
    public double? RatingParticipation { get; init; }
}
