namespace WeComHelpBot.Desk;

/// <summary>Where <see cref="TicketDeskRecord"/>s are kept, by ticket number.</summary>
public interface ITicketDeskStore
{
    Task<TicketDeskRecord?> FindAsync(string number, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TicketDeskRecord>> ListAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(TicketDeskRecord record, CancellationToken cancellationToken = default);
}
