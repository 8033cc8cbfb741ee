using LiteDB;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// <see cref="IWeComKfStore"/> in the bot's LiteDB file: collections wecom_kf_cursors, wecom_kf_msgids (times as UTC ticks; pruned after
/// <see cref="HandledRetention"/>, longer than sync_msg's three days), wecom_kf_windows and wecom_kf_addresses (the
/// external_userid encrypted with the same key as tickets' contacts).
/// </summary>
public sealed class LiteDbWeComKfStore : IWeComKfStore
{
    public static readonly TimeSpan HandledRetention = TimeSpan.FromDays(4);

    private readonly LiteDatabase database;
    private readonly ContactProtector protector;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private long nextPruneTicks;

    public LiteDbWeComKfStore(LiteDatabase database, ContactProtector protector, TimeProvider time)
    {
        this.database = database;
        this.protector = protector;
        this.time = time;
        Handled.EnsureIndex("at");
    }

    private ILiteCollection<BsonDocument> Cursors => database.GetCollection("wecom_kf_cursors");

    private ILiteCollection<BsonDocument> Handled => database.GetCollection("wecom_kf_msgids");

    private ILiteCollection<BsonDocument> Windows => database.GetCollection("wecom_kf_windows");

    private ILiteCollection<BsonDocument> Addresses => database.GetCollection("wecom_kf_addresses");

    public Task<string?> GetCursorAsync(string openKfId, CancellationToken cancellationToken = default)
    {
        var doc = Cursors.FindById(openKfId);
        return Task.FromResult(doc is null ? null : doc["cursor"].AsString);
    }

    public Task SaveCursorAsync(string openKfId, string cursor, CancellationToken cancellationToken = default)
    {
        Cursors.Upsert(new BsonDocument { ["_id"] = openKfId, ["cursor"] = cursor, ["at"] = time.GetUtcNow().UtcTicks });
        return Task.CompletedTask;
    }

    public Task<bool> TryMarkHandledAsync(string msgId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        PruneHandled(now);
        var inserted = database.InTransaction(() =>
        {
            if (Handled.FindById(msgId) is not null)
            {
                return false;
            }

            Handled.Insert(new BsonDocument { ["_id"] = msgId, ["at"] = now.UtcTicks });
            return true;
        });
        return Task.FromResult(inserted);
    }

    public Task OpenWindowAsync(string conversationId, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        database.InTransaction(() =>
        {
            var existing = Windows.FindById(conversationId);

            // Messages can arrive out of order across pages; an older one never shrinks a newer window.
            if (existing is null || existing["opened"].AsInt64 <= sentAt.UtcTicks)
            {
                Windows.Upsert(new BsonDocument { ["_id"] = conversationId, ["opened"] = sentAt.UtcTicks, ["used"] = 0 });
            }

            return true;
        });
        return Task.CompletedTask;
    }

    public Task<int> ReserveAsync(string conversationId, int wanted, WeComKfWindow window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wanted);
        var granted = database.InTransaction(() =>
        {
            var doc = Windows.FindById(conversationId);
            if (doc is null)
            {
                return 0;
            }

            var opened = new DateTimeOffset(doc["opened"].AsInt64, TimeSpan.Zero);
            if (now - opened > window.Duration)
            {
                return 0;
            }

            var used = doc["used"].AsInt32;
            var take = Math.Min(wanted, Math.Max(0, window.Messages - used));
            if (take > 0)
            {
                doc["used"] = used + take;
                Windows.Update(doc);
            }

            return take;
        });
        return Task.FromResult(granted);
    }

    public Task SaveAddressAsync(string conversationId, string openKfId, string externalUserId, CancellationToken cancellationToken = default)
    {
        Addresses.Upsert(new BsonDocument
        {
            ["_id"] = conversationId,
            ["kf"] = openKfId,
            ["user"] = protector.Protect(externalUserId),
        });
        return Task.CompletedTask;
    }

    public Task<(string OpenKfId, string ExternalUserId)?> GetAddressAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var doc = Addresses.FindById(conversationId);
        (string, string)? address = doc is null ? null : (doc["kf"].AsString, protector.Unprotect(doc["user"].AsString));
        return Task.FromResult(address);
    }

    private void PruneHandled(DateTimeOffset now)
    {
        lock (gate)
        {
            if (now.UtcTicks < nextPruneTicks)
            {
                return;
            }

            nextPruneTicks = (now + TimeSpan.FromHours(1)).UtcTicks;
        }

        Handled.DeleteMany(Query.LT("at", (now - HandledRetention).UtcTicks));
    }
}
