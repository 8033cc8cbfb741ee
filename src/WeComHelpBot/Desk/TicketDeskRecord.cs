namespace WeComHelpBot.Desk;

/// <summary>
/// What the console keeps about a ticket beside the ticket itself: its desk status, assignee, internal notes, history,
/// the agents' messages, who has read it, and where its conversation can be reached
/// (<see cref="ProtectedAddress"/>: the <see cref="Channels.ConversationAddress"/> as encrypted JSON, because a
/// WeCom member's UserID may be their phone number).
/// </summary>
public sealed record TicketDeskRecord(string Number, string ChannelId, DateTimeOffset CreatedAt)
{
    public DeskStatus Status { get; init; } = DeskStatus.New;

    public string? Assignee { get; init; }

    public string? ProtectedAddress { get; init; }

    public IReadOnlyList<DeskNote> Notes { get; init; } = [];

    public IReadOnlyList<DeskNote> History { get; init; } = [];

    public IReadOnlyList<DeskNote> AgentMessages { get; init; } = [];

    public IReadOnlyList<string> ReadBy { get; init; } = [];

    /// <summary>When an agent first answered the user; null while nobody has.</summary>
    public DateTimeOffset? FirstReplyAt { get; init; }

    /// <summary>When the user last wrote while an agent held the conversation (an unread mark for the desk).</summary>
    public DateTimeOffset? LastUserMessageAt { get; init; }
}
