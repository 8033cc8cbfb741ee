using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Npgsql;
using WeComHelpBot.Storage.LiteDb;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Bot Builder <see cref="IStorage"/> on the <c>bot_state</c> table, with the same contract as <see cref="LiteDbStorage"/>
/// and MemoryStorage (the shared storage contract tests run against all three): JSON written with MemoryStorage's
/// serializer settings, optimistic concurrency for items that carry an ETag (a stale ETag throws
/// <see cref="EtagConflictException"/>; "*" or none overwrites), a new ETag on every write, and one WriteAsync stored
/// whole or not at all. The JSON is kept as text, not jsonb: jsonb reorders keys, and "$type" must stay first for the
/// serializer to read the type back. The ETag is checked by the upsert itself (ON CONFLICT … WHERE etag = expected), so
/// a turn's write is one round trip and two processes writing the same key at once cannot both succeed on one ETag.
/// </summary>
public sealed class PostgresStorage(PostgresDatabase database, JsonSerializer? serializer = null) : IStorage
{
    private const int MaxPlainKeyBytes = 500;

    private readonly JsonSerializer serializer = serializer ?? LiteDbStorage.CreateSerializer();

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var items = new Dictionary<string, object>(keys.Length);
        var ids = keys.Distinct(StringComparer.Ordinal).ToDictionary(RowId, key => key, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return items;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, json FROM bot_state WHERE id = ANY(@ids) AND json IS NOT NULL", connection);
        command.Parameters.AddWithValue("ids", ids.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var json = new JsonTextReader(new StringReader(reader.GetString(1)));
            if (serializer.Deserialize<object>(json) is { } value)
            {
                items[ids[reader.GetString(0)]] = value;
            }
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
        }

        var items = changes.Select(change => ToRow(change.Key, change.Value)).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);

        // One key (a turn's conversation or user state) is one statement: the upsert checks the ETag itself and changes
        // nothing on a conflict, so no transaction and no read before it, one round trip. Several keys share a
        // transaction, rolled back when any of them conflicts.
        await using var transaction = items.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var item in items)
            {
                batch.BatchCommands.Add(Upsert(item));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                if (batch.BatchCommands[i].RecordsAffected == 0)
                {
                    var current = await CurrentETagAsync(connection, transaction, items[i].Id, cancellationToken);
                    throw new EtagConflictException(items[i].Key, items[i].RequestedETag, current);
                }
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", keys.Select(RowId).Distinct(StringComparer.Ordinal).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The upsert of one item. When its ETag is to be checked, an existing row is only replaced if it still has that
    /// ETag; the row lock ON CONFLICT takes makes a concurrent writer of the same key wait and then see the new ETag, so
    /// two writers cannot both succeed on one ETag. A row that does not exist is inserted (as MemoryStorage does).
    /// </summary>
    private static NpgsqlBatchCommand Upsert((string Id, string Key, bool HasETag, string? RequestedETag, string? Json, string NewETag) item)
    {
        var checkETag = item.HasETag && !string.IsNullOrEmpty(item.RequestedETag) && item.RequestedETag != "*";
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO bot_state (id, key, json, etag, updated_at) VALUES (@id, @key, @json, @etag, now())
            ON CONFLICT (id) DO UPDATE SET key = excluded.key, json = excluded.json, etag = excluded.etag, updated_at = now()
            """ + (checkETag ? " WHERE bot_state.etag = @expected" : string.Empty));
        upsert.Parameters.AddWithValue("id", item.Id);
        upsert.Parameters.AddWithValue("key", item.Key);
        upsert.Parameters.AddWithValue("json", (object?)item.Json ?? DBNull.Value);
        upsert.Parameters.AddWithValue("etag", item.NewETag);
        if (checkETag)
        {
            upsert.Parameters.AddWithValue("expected", item.RequestedETag!);
        }

        return upsert;
    }

    /// <summary>The ETag a key has now, for the conflict's message (only read when a write has already failed).</summary>
    private static async Task<string?> CurrentETagAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT etag FROM bot_state WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private (string Id, string Key, bool HasETag, string? RequestedETag, string? Json, string NewETag) ToRow(string key, object? value)
    {
        var hasETag = StorageETags.TryGet(value, out var requestedETag);
        var json = value is null ? null : JToken.FromObject(value, serializer);
        var newETag = Guid.NewGuid().ToString("N");
        if (hasETag)
        {
            StorageETags.Set(json, newETag);
        }

        return (RowId(key), key, hasETag, requestedETag, json?.ToString(Formatting.None), newETag);
    }

    /// <summary>Very long keys are stored under their hash (the key itself is kept too): a B-tree entry has a size limit.</summary>
    private static string RowId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.UTF8.GetByteCount(key) <= MaxPlainKeyBytes
            ? key
            : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
