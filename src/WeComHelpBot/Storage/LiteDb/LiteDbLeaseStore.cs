using LiteDB;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary><see cref="ILeaseStore"/> as rows of the collection channel_leases; times as UTC ticks; the check and the write share one transaction.</summary>
public sealed class LiteDbLeaseStore(LiteDatabase database, TimeProvider time) : ILeaseStore
{
    private ILiteCollection<BsonDocument> Leases => database.GetCollection("channel_leases");

    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        var held = database.InTransaction(() =>
        {
            var doc = Leases.FindById(name);
            if (doc is not null && doc["holder"].AsString != holder && doc["until"].AsInt64 > now)
            {
                return false;
            }

            Leases.Upsert(new BsonDocument { ["_id"] = name, ["holder"] = holder, ["until"] = now + duration.Ticks });
            return true;
        });
        return Task.FromResult(held);
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        database.InTransaction(() =>
        {
            var doc = Leases.FindById(name);
            return doc is not null && doc["holder"].AsString == holder && Leases.Delete(name);
        });
        return Task.CompletedTask;
    }
}
