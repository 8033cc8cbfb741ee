namespace WeComHelpBot.Desk;

/// <summary>An agent holds a conversation: the bot stays quiet there until the hold is released.</summary>
public sealed record HandoverHold(string ConversationId, string TicketNumber, string Agent, DateTimeOffset Since)
{
    /// <summary>Set once the bot has told the user that a person is on it (it says so once per hold).</summary>
    public bool UserTold { get; init; }
}
