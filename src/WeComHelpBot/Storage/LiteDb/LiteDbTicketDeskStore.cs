using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbTicketDeskStore(LiteDatabase database) : ITicketDeskStore
{
    public const string CollectionName = "desk_tickets";

    private readonly LiteDbJsonCollection<TicketDeskRecord> records = new(database, CollectionName);
    private readonly object gate = new();

    public Task<TicketDeskRecord?> FindAsync(string number, CancellationToken cancellationToken = default) =>
        Task.FromResult(records.Find(number));

    public Task<IReadOnlyList<TicketDeskRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(records.All());

    public Task SaveAsync(TicketDeskRecord record, CancellationToken cancellationToken = default)
    {
        records.Upsert(record.Number, record);
        return Task.CompletedTask;
    }

    public Task<TicketDeskRecord> UpdateAsync(string number, Func<TicketDeskRecord?, TicketDeskRecord> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var changed = change(records.Find(number));
            records.Upsert(number, changed);
            return Task.FromResult(changed);
        }
    }
}
