using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// The WeCom deliveries already handled, remembered in the database for <see cref="WeComOptions.MessageIdRetention"/>,
/// so a captured callback replayed after a restart (its signature and timestamp are still valid for minutes) is not
/// answered again. WeCom's own retries come within seconds and are caught in memory first, without a database read.
/// Keys are stored as SHA-256 hashes: an event's key holds the member's UserID, which may be a phone number.
/// </summary>
public sealed class WeComMessageIdStore
{
    public const string CollectionName = "wecom_message_ids";

    /// <summary>Expired ids are deleted at most this often, in the same write as a new id.</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    private readonly LiteDbWriteQueue writes;
    private readonly TimeProvider time;
    private readonly ILogger<WeComMessageIdStore> logger;
    private readonly MessageDeduplicator recent;
    private readonly TimeSpan retention;
    private long nextPurgeTicks;

    public WeComMessageIdStore(LiteDatabase database, LiteDbWriteQueue writes, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComMessageIdStore> logger)
    {
        this.writes = writes;
        this.time = time;
        this.logger = logger;
        retention = options.Value.MessageIdRetention;
        recent = new MessageDeduplicator(options.Value.DeduplicationCapacity, options.Value.DeduplicationWindow, time);
        database.GetCollection(CollectionName).EnsureIndex("at");
    }

    /// <summary>
    /// True the first time <paramref name="key"/> is seen (now remembered); false for a delivery already handled within
    /// the retention. When the database cannot be used the message is answered (true): the turn then reports the failure.
    /// </summary>
    public async Task<bool> TryRegisterAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!recent.TryRegister(key))
        {
            return false;
        }

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - retention;
        var purge = TakePurgeTurn(now);
        try
        {
            return await writes.WriteAsync(
                db =>
                {
                    var collection = db.GetCollection(CollectionName);
                    if (purge)
                    {
                        collection.DeleteMany(Query.LT("at", cutoff));
                    }

                    var seen = collection.FindById(id);
                    if (seen is not null && seen["at"].IsDateTime && seen["at"].AsDateTime > cutoff)
                    {
                        return false;
                    }

                    collection.Upsert(new BsonDocument { ["_id"] = id, ["at"] = now });
                    return true;
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("WeCom message ids could not be checked in the database ({ExceptionType}); the message is answered", ex.GetType().Name);
            return true;
        }
    }

    private bool TakePurgeTurn(DateTime now)
    {
        var next = Interlocked.Read(ref nextPurgeTicks);
        return now.Ticks >= next && Interlocked.CompareExchange(ref nextPurgeTicks, (now + PurgeEvery).Ticks, next) == next;
    }
}
