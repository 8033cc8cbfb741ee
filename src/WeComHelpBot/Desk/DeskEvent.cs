namespace WeComHelpBot.Desk;

/// <summary>
/// Something open consoles should show at once: "ticket-created", "ticket-updated" or "user-message" (the user wrote
/// in a conversation an agent holds). Carries the ticket number only; the console fetches the rest with its session.
/// </summary>
public sealed record DeskEvent(string Kind, string TicketNumber)
{
    public const string TicketCreated = "ticket-created";
    public const string TicketUpdated = "ticket-updated";
    public const string UserMessage = "user-message";
}
