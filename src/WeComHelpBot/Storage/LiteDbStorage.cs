using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace WeComHelpBot.Storage;

/// <summary>
/// Bot Builder <see cref="IStorage"/> on a LiteDB collection. Values are kept as JSON written with the same serializer
/// settings as <see cref="MemoryStorage"/> (type names included), so bot state reads back as the types it was written as.
/// Items that carry an ETag (an <see cref="IStoreItem"/>, or a JObject/dictionary with an "eTag" key) get optimistic
/// concurrency: a write whose ETag is stale throws <see cref="EtagConflictException"/>; "*" or no ETag overwrites;
/// every write stores a new ETag. One WriteAsync is one transaction: it stores all changes or none.
/// </summary>
public sealed class LiteDbStorage : IStorage
{
    public const string CollectionName = "bot_state";

    private const int MaxPlainKeyBytes = 500;

    private static readonly string[] ETagKeys = ["eTag", "ETag"];

    private readonly LiteDatabase database;
    private readonly JsonSerializer serializer;
    private readonly string filePath;

    // LiteDB transactions belong to a thread; the gate keeps this process's turns from interleaving inside one.
    private readonly object gate = new();

    public LiteDbStorage(LiteDatabase database, string filePath, JsonSerializer? serializer = null)
    {
        this.database = database;
        this.filePath = filePath;
        this.serializer = serializer ?? CreateSerializer();
    }

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
        lock (gate)
        {
            Guard(() =>
            {
                var collection = database.GetCollection(CollectionName);
                foreach (var key in keys.Distinct(StringComparer.Ordinal))
                {
                    var document = collection.FindById(DocumentId(key));
                    if (document is not null && document["json"].IsString)
                    {
                        var token = JToken.Parse(document["json"].AsString);
                        var value = token.ToObject<object>(serializer);
                        if (value is not null)
                        {
                            items[key] = value;
                        }
                    }
                }
            });
        }

        return Task.FromResult<IDictionary<string, object>>(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (gate)
        {
            Guard(() => InTransaction(collection =>
            {
                foreach (var (key, value) in changes)
                {
                    var id = DocumentId(key);
                    var existing = collection.FindById(id);
                    var currentETag = existing is not null && existing["etag"].IsString ? existing["etag"].AsString : null;
                    var newETag = Guid.NewGuid().ToString("N");

                    JToken? json = value is null ? null : JToken.FromObject(value, serializer);
                    if (TryGetETag(value, out var requestedETag))
                    {
                        if (existing is not null && !string.IsNullOrEmpty(requestedETag) && requestedETag != "*" && requestedETag != currentETag)
                        {
                            throw new EtagConflictException(key, requestedETag, currentETag);
                        }

                        SetETag(json, newETag);
                    }

                    collection.Upsert(new BsonDocument
                    {
                        ["_id"] = id,
                        ["key"] = key,
                        ["json"] = json is null ? BsonValue.Null : new BsonValue(json.ToString(Formatting.None)),
                        ["etag"] = newETag,
                    });
                }
            }));
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            Guard(() => InTransaction(collection =>
            {
                foreach (var key in keys)
                {
                    collection.Delete(DocumentId(key));
                }
            }));
        }

        return Task.CompletedTask;
    }

    private void InTransaction(Action<ILiteCollection<BsonDocument>> work) =>
        database.InTransaction(() =>
        {
            work(database.GetCollection(CollectionName));
            return true;
        });

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not EtagConflictException && ex is not JsonException && LiteDatabaseProvider.IsOpenFailure(ex))
        {
            throw new StorageUnavailableException(filePath, LiteDatabaseProvider.Describe(ex), ex);
        }
    }

    private static bool TryGetETag(object? value, out string? etag)
    {
        switch (value)
        {
            case IStoreItem item:
                etag = item.ETag;
                return true;
            case JObject jobject:
                foreach (var name in ETagKeys)
                {
                    if (jobject.TryGetValue(name, StringComparison.Ordinal, out var token))
                    {
                        etag = token.Type == JTokenType.Null ? null : token.ToString();
                        return true;
                    }
                }

                break;
            case IDictionary<string, object> dictionary:
                foreach (var name in ETagKeys)
                {
                    if (dictionary.TryGetValue(name, out var raw))
                    {
                        etag = raw?.ToString();
                        return true;
                    }
                }

                break;
        }

        etag = null;
        return false;
    }

    private static void SetETag(JToken? json, string etag)
    {
        if (json is not JObject jobject)
        {
            return;
        }

        var existing = ETagKeys.FirstOrDefault(name => jobject.ContainsKey(name));
        jobject[existing ?? "ETag"] = etag;
    }

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
