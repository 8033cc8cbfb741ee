namespace WeComHelpBot.Support.Tickets;

public enum TicketStatus
{
    Open,
    Closed,
}
