using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>The console's records of tickets (status, assignee, notes, history) in the <c>desk_tickets</c> table.</summary>
public sealed class PostgresTicketDeskStore(PostgresDatabase database) : ITicketDeskStore
{
    public const string TableName = "desk_tickets";

    private readonly PostgresJsonTable<TicketDeskRecord> records = new(database, TableName);

    public Task<TicketDeskRecord?> FindAsync(string number, CancellationToken cancellationToken = default) =>
        records.FindAsync(number, cancellationToken);

    public Task<IReadOnlyList<TicketDeskRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        records.AllAsync(cancellationToken);

    public Task SaveAsync(TicketDeskRecord record, CancellationToken cancellationToken = default) =>
        records.UpsertAsync(record.Number, record, cancellationToken);

    public Task<TicketDeskRecord> UpdateAsync(string number, Func<TicketDeskRecord?, TicketDeskRecord> change, CancellationToken cancellationToken = default) =>
        records.UpdateAsync(number, change, cancellationToken);
}
