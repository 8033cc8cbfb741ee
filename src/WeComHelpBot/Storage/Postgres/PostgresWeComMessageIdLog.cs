using Npgsql;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Handled WeCom delivery ids in the <c>wecom_message_ids</c> table. The check and the record are one statement (an
/// upsert that only replaces an expired record), so a delivery replayed to two processes at once is answered by one.
/// </summary>
public sealed class PostgresWeComMessageIdLog(PostgresDatabase database) : IWeComMessageIdLog
{
    public async Task<bool> TryAddAsync(string id, DateTime at, DateTime cutoff, bool purgeExpired, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (purgeExpired)
        {
            await using var purge = new NpgsqlCommand("DELETE FROM wecom_message_ids WHERE at < @cutoff AND id <> @id", connection);
            purge.Parameters.AddWithValue("cutoff", Utc(cutoff));
            purge.Parameters.AddWithValue("id", id);
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO wecom_message_ids (id, at) VALUES (@id, @at)
            ON CONFLICT (id) DO UPDATE SET at = excluded.at WHERE wecom_message_ids.at <= @cutoff
            RETURNING 1
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", Utc(at));
        command.Parameters.AddWithValue("cutoff", Utc(cutoff));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
