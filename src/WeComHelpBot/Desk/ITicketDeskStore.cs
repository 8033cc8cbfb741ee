namespace WeComHelpBot.Desk;

/// <summary>Where <see cref="TicketDeskRecord"/>s are kept, by ticket number.</summary>
public interface ITicketDeskStore
{
    Task<TicketDeskRecord?> FindAsync(string number, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TicketDeskRecord>> ListAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(TicketDeskRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores what <paramref name="change"/> makes of the record (null when there is none yet) with no other writer in
    /// between, so two agents on two server processes changing one ticket at once both keep their change.
    /// </summary>
    Task<TicketDeskRecord> UpdateAsync(string number, Func<TicketDeskRecord?, TicketDeskRecord> change, CancellationToken cancellationToken = default);
}
