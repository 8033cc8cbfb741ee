using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbTicketDeskStore(LiteDatabase database) : ITicketDeskStore
{
    public const string CollectionName = "desk_tickets";

    private readonly LiteDbJsonCollection<TicketDeskRecord> records = new(database, CollectionName);

    public Task<TicketDeskRecord?> FindAsync(string number, CancellationToken cancellationToken = default) =>
        Task.FromResult(records.Find(number));

    public Task<IReadOnlyList<TicketDeskRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(records.All());

    public Task SaveAsync(TicketDeskRecord record, CancellationToken cancellationToken = default)
    {
        records.Upsert(record.Number, record);
        return Task.CompletedTask;
    }
}
