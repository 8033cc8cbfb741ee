namespace WeComHelpBot.Tickets;

public sealed class TicketNotFoundException : Exception
{
    public TicketNotFoundException(string number)
        : base($"没有找到工单 {number}")
    {
        Number = number;
    }

    public string Number { get; }
}
