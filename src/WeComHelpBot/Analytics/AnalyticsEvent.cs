namespace WeComHelpBot.Analytics;

/// <summary>One recorded event. Which optional fields are set depends on <see cref="Type"/>; <see cref="Text"/> is masked.</summary>
public sealed record AnalyticsEvent(AnalyticsEventType Type, string ConversationId, DateTimeOffset Timestamp)
{
    /// <summary>Knowledge entry answered, clarified or rated by feedback.</summary>
    public string? EntryId { get; init; }

    public double? Score { get; init; }

    /// <summary>The user's question (answered, unanswered, feedback) or the rating's comment, masked.</summary>
    public string? Text { get; init; }

    public string? FlowId { get; init; }

    /// <summary>Completed flows: whether the problem was solved; null when the flow does not say.</summary>
    public bool? Resolved { get; init; }

    /// <summary>1–5 for <see cref="AnalyticsEventType.RatingGiven"/>.</summary>
    public int? Rating { get; init; }

    /// <summary>A short code: the not-helpful reason, the low-confidence kind, where a hand-over came from, why a conversation ended.</summary>
    public string? Reason { get; init; }

    public string? TicketNumber { get; init; }

    /// <summary>Bot Framework channel id (webchat, directline, wecom...) of a started conversation.</summary>
    public string? ChannelId { get; init; }
}
