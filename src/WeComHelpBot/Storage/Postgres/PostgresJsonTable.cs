using System.Text.Json;
using Npgsql;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// A table of records kept as JSON text beside their key (columns <c>key</c> and <c>json</c>), the PostgreSQL
/// counterpart of <see cref="LiteDb.LiteDbJsonCollection{T}"/> with the same JSON (<see cref="StoredRecordJson"/>). Keys
/// come from channels and people (conversation ids, account names), so they are cleaned as every text column's are
/// (<see cref="PostgresText.Clean"/>), the same way on write and on read.
/// </summary>
public sealed class PostgresJsonTable<T>
    where T : class
{
    private readonly PostgresDatabase database;
    private readonly string table;

    /// <param name="table">A table name from this code (it is written into the SQL), never user input.</param>
    public PostgresJsonTable(PostgresDatabase database, string table)
    {
        if (!table.All(c => c is (>= 'a' and <= 'z') or '_'))
        {
            throw new ArgumentException("Table names are lower-case letters and underscores.", nameof(table));
        }

        this.database = database;
        this.table = table;
    }

    public async Task<T?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT key, json FROM {table} WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<T>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT key, json FROM {table}", connection);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Inserts unless the key exists (decided by the database, so two processes cannot both add it); true when inserted.</summary>
    public async Task<bool> TryInsertAsync(string key, T value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"INSERT INTO {table} (key, json) VALUES (@key, @json) ON CONFLICT (key) DO NOTHING", connection);
        command.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
        command.Parameters.AddWithValue("json", JsonSerializer.Serialize(value, StoredRecordJson.Options));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task UpsertAsync(string key, T value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {table} (key, json) VALUES (@key, @json) ON CONFLICT (key) DO UPDATE SET json = excluded.json",
            connection);
        command.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
        command.Parameters.AddWithValue("json", JsonSerializer.Serialize(value, StoredRecordJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Stores what <paramref name="change"/> makes of the record (null when there is none), the row locked from read to
    /// write. When another process inserts the first record of the key meanwhile, the change runs again on theirs.
    /// </summary>
    public async Task<T> UpdateAsync(string key, Func<T?, T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            T? current;
            await using (var select = new NpgsqlCommand($"SELECT key, json FROM {table} WHERE key = @key FOR UPDATE", connection, transaction))
            {
                select.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
                current = (await ReadAsync(select, cancellationToken)).SingleOrDefault();
            }

            var changed = change(current);
            await using var write = new NpgsqlCommand(
                current is null
                    ? $"INSERT INTO {table} (key, json) VALUES (@key, @json) ON CONFLICT (key) DO NOTHING"
                    : $"UPDATE {table} SET json = @json WHERE key = @key",
                connection,
                transaction);
            write.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
            write.Parameters.AddWithValue("json", JsonSerializer.Serialize(changed, StoredRecordJson.Options));
            if (await write.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await transaction.CommitAsync(cancellationToken);
                return changed;
            }

            await transaction.RollbackAsync(cancellationToken);
        }
    }

    /// <summary>Stores what <paramref name="change"/> makes of the record, the row locked from read to write; null when there is none.</summary>
    public async Task<T?> UpdateExistingAsync(string key, Func<T, T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        T? current;
        await using (var select = new NpgsqlCommand($"SELECT key, json FROM {table} WHERE key = @key FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
            current = (await ReadAsync(select, cancellationToken)).SingleOrDefault();
        }

        if (current is null)
        {
            return null;
        }

        var changed = change(current);
        await using var update = new NpgsqlCommand($"UPDATE {table} SET json = @json WHERE key = @key", connection, transaction);
        update.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
        update.Parameters.AddWithValue("json", JsonSerializer.Serialize(changed, StoredRecordJson.Options));
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", PostgresText.Clean(key)!);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(JsonSerializer.Deserialize<T>(reader.GetString(1), StoredRecordJson.Options)
                ?? throw new InvalidDataException($"数据库里 {reader.GetString(0)} 的记录无法读取"));
        }

        return records;
    }
}
