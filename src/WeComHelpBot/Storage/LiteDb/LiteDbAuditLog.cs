using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbAuditLog(LiteDatabase database) : IAuditLog
{
    public const string CollectionName = "desk_audit";

    private readonly LiteDbJsonCollection<AuditEntry> entries = new(database, CollectionName);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        entries.Append(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int count, CancellationToken cancellationToken = default) =>
        Task.FromResult(entries.Newest(count));
}
