namespace WeComHelpBot.Tickets;

public enum TicketStatus
{
    Open,
    Closed,
}
