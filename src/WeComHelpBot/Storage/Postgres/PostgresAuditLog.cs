using System.Text.Json;
using Npgsql;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>The console's audit log in the <c>desk_audit</c> table; an identity column keeps the order entries were appended in.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("INSERT INTO desk_audit (json) VALUES (@json)", connection);
        command.Parameters.AddWithValue("json", JsonSerializer.Serialize(entry, StoredRecordJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, json FROM desk_audit ORDER BY id DESC LIMIT @count", connection);
        command.Parameters.AddWithValue("count", Math.Max(count, 0));
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(JsonSerializer.Deserialize<AuditEntry>(reader.GetString(1), StoredRecordJson.Options)
                ?? throw new InvalidDataException($"数据库里审计记录 {reader.GetInt64(0)} 无法读取"));
        }

        return entries;
    }
}
