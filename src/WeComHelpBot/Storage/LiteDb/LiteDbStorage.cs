using System.Security.Cryptography;
using System.Text;
using BitFaster.Caching.Lru;
using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Bot Builder <see cref="IStorage"/> on a LiteDB collection. Values are kept as JSON written with the same serializer
/// settings as <see cref="MemoryStorage"/> (type names included), so bot state reads back as the types it was written as.
/// Items that carry an ETag (an <see cref="IStoreItem"/>, or a JObject/dictionary with an "eTag" key) get optimistic
/// concurrency: a write whose ETag is stale throws <see cref="EtagConflictException"/>; "*" or no ETag overwrites;
/// every write stores a new ETag. One WriteAsync stores all its changes or none: it runs in a transaction of
/// <see cref="LiteDbWriteQueue"/>, shared with the writes of other turns, and completes once that is committed.
/// With a state cache (<see cref="StorageOptions.StateCacheSize"/>), the JSON of recently written keys is kept in memory
/// as committed, so reading a conversation's state back on its next turn skips LiteDB's lookup and page reads. The
/// cache is updated on the writer, in commit order, after each commit. ETags are still checked against the file,
/// inside the transaction: if another process changed a cached key, the write built on the cached copy fails with
/// <see cref="EtagConflictException"/> (nothing is lost) and the key is dropped from the cache, so it is read afresh.
/// Until then a read returns this process's last write of the key, which is why the cache is for a file this process
/// holds alone, or whose conversations no other process serves (<see cref="StorageOptions.StateCacheSize"/>).
/// </summary>
public sealed class LiteDbStorage : IStorage
{
    public const string CollectionName = "bot_state";

    private const int MaxPlainKeyBytes = 500;

    private readonly LiteDatabase database;
    private readonly JsonSerializer serializer;
    private readonly string filePath;
    private readonly LiteDbWriteQueue writes;
    private readonly ConcurrentLru<string, string>? committedJson;

    /// <param name="writes">The database's write queue, shared with its other writers; without one, a queue of its own.</param>
    /// <param name="stateCacheSize">Keys whose committed JSON is kept in memory; 0 reads every key from the file.</param>
    public LiteDbStorage(LiteDatabase database, string filePath, LiteDbWriteQueue? writes = null, JsonSerializer? serializer = null, int stateCacheSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stateCacheSize);
        this.database = database;
        this.filePath = filePath;
        this.writes = writes ?? new LiteDbWriteQueue(database);
        this.serializer = serializer ?? CreateSerializer();
        committedJson = stateCacheSize > 0 ? new ConcurrentLru<string, string>(Math.Max(stateCacheSize, 3)) : null;
    }

    /// <summary>Keys whose state is held in memory now (0 with the cache off).</summary>
    public int CachedKeys => committedJson?.Count ?? 0;

    /// <summary>The settings MemoryStorage uses by default (checked against Bot Builder 4.23.1).</summary>
    public static JsonSerializer CreateSerializer() => new()
    {
        TypeNameHandling = TypeNameHandling.All,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    };

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var items = new Dictionary<string, object>(keys.Length);
        List<string>? fromFile = null;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (committedJson is not null && committedJson.TryGet(key, out var json))
            {
                Add(items, key, json);
            }
            else
            {
                (fromFile ??= []).Add(key);
            }
        }

        if (fromFile is not null)
        {
            Guard(() =>
            {
                var collection = database.GetCollection(CollectionName);
                foreach (var key in fromFile)
                {
                    var document = collection.FindById(DocumentId(key));
                    if (document is not null && document["json"].IsString)
                    {
                        Add(items, key, document["json"].AsString);
                    }
                }
            });
        }

        return Task.FromResult<IDictionary<string, object>>(items);
    }

    /// <summary>Each read makes new objects from the JSON: callers change what they read, and the cache must not see it.</summary>
    private void Add(Dictionary<string, object> items, string key, string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        if (serializer.Deserialize<object>(reader) is { } value)
        {
            items[key] = value;
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
        }

        // Documents are made here, on the caller's thread: the one writer only compares ETags and stores them.
        var items = changes.Select(change => ToItem(change.Key, change.Value)).ToList();
        try
        {
            await GuardAsync(InTransactionAsync(
                collection =>
                {
                    foreach (var item in items.Where(item => item.HasETag && !string.IsNullOrEmpty(item.RequestedETag) && item.RequestedETag != "*"))
                    {
                        var existing = collection.FindById(item.Document["_id"]);
                        var currentETag = existing is not null && existing["etag"].IsString ? existing["etag"].AsString : null;
                        if (existing is not null && item.RequestedETag != currentETag)
                        {
                            throw new EtagConflictException(item.Key, item.RequestedETag, currentETag);
                        }
                    }

                    foreach (var item in items)
                    {
                        collection.Upsert(item.Document);
                    }
                },
                committedJson is null ? null : () =>
                {
                    foreach (var item in items)
                    {
                        Remember(item.Key, item.Document["json"]);
                    }
                },
                cancellationToken));
        }
        catch (EtagConflictException conflict) when (committedJson is not null)
        {
            // Another writer (perhaps another process) got there first: read this key from the file from now on.
            committedJson.TryRemove(conflict.Key);
            throw;
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var ids = keys.Select(DocumentId).ToList();
        return GuardAsync(InTransactionAsync(
            collection =>
            {
                foreach (var id in ids)
                {
                    collection.Delete(id);
                }
            },
            committedJson is null ? null : () =>
            {
                foreach (var key in keys)
                {
                    committedJson.TryRemove(key);
                }
            },
            cancellationToken));
    }

    private void Remember(string key, BsonValue json)
    {
        if (json.IsString)
        {
            committedJson!.AddOrUpdate(key, json.AsString);
        }
        else
        {
            committedJson!.TryRemove(key);
        }
    }

    /// <summary>The stored document for one change, with its new ETag, and the ETag the caller expects to replace.</summary>
    private (string Key, bool HasETag, string? RequestedETag, BsonDocument Document) ToItem(string key, object? value)
    {
        var hasETag = StorageETags.TryGet(value, out var requestedETag);
        var json = value is null ? null : JToken.FromObject(value, serializer);
        var newETag = Guid.NewGuid().ToString("N");
        if (hasETag)
        {
            StorageETags.Set(json, newETag);
        }

        return (key, hasETag, requestedETag, new BsonDocument
        {
            ["_id"] = DocumentId(key),
            ["key"] = key,
            ["json"] = json is null ? BsonValue.Null : new BsonValue(json.ToString(Formatting.None)),
            ["etag"] = newETag,
        });
    }

    /// <param name="committed">Runs on the writer once the transaction is committed, in commit order (the state cache).</param>
    private Task InTransactionAsync(Action<ILiteCollection<BsonDocument>> work, Action? committed, CancellationToken cancellationToken) =>
        writes.WriteAsync(
            db =>
            {
                work(db.GetCollection(CollectionName));
                return true;
            },
            committed is null ? null : _ => committed(),
            cancellationToken);

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new StorageUnavailableException(filePath, LiteDatabaseProvider.Describe(ex), ex);
        }
    }

    private async Task GuardAsync(Task write)
    {
        try
        {
            await write;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new StorageUnavailableException(filePath, LiteDatabaseProvider.Describe(ex), ex);
        }
    }

    private static bool IsStorageFailure(Exception ex) =>
        ex is not EtagConflictException && ex is not JsonException && LiteDatabaseProvider.IsOpenFailure(ex);

    private static BsonValue DocumentId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // LiteDB index keys are limited in size; very long keys are stored under their hash (the key itself is kept too).
        if (Encoding.UTF8.GetByteCount(key) <= MaxPlainKeyBytes)
        {
            return key;
        }

        return "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
