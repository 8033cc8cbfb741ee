using Npgsql;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// <see cref="IWeComKfStore"/> in the tables wecom_kf_cursors, wecom_kf_msgids (pruned after
/// <see cref="LiteDbWeComKfStore.HandledRetention"/>), wecom_kf_windows and wecom_kf_addresses (the external_userid
/// encrypted with the same key as tickets' contacts). Every check-and-write is one statement or one transaction with the
/// row locked, so processes sharing the database never answer a message twice or overspend a window.
/// </summary>
public sealed class PostgresWeComKfStore(PostgresDatabase database, ContactProtector protector, TimeProvider time) : IWeComKfStore
{
    private readonly Lock gate = new();
    private long nextPruneTicks;

    public async Task<string?> GetCursorAsync(string openKfId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT cursor FROM wecom_kf_cursors WHERE open_kfid = @kf", connection);
        command.Parameters.AddWithValue("kf", openKfId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task SaveCursorAsync(string openKfId, string cursor, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO wecom_kf_cursors (open_kfid, cursor, at) VALUES (@kf, @cursor, @at)
            ON CONFLICT (open_kfid) DO UPDATE SET cursor = excluded.cursor, at = excluded.at
            """,
            [("kf", openKfId), ("cursor", cursor), ("at", time.GetUtcNow().UtcDateTime)],
            cancellationToken);

    public async Task<bool> TryMarkHandledAsync(string msgId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (IsPruneDue(now))
        {
            await using var prune = new NpgsqlCommand("DELETE FROM wecom_kf_msgids WHERE at < @cutoff", connection);
            prune.Parameters.AddWithValue("cutoff", (now - LiteDbWeComKfStore.HandledRetention).UtcDateTime);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO wecom_kf_msgids (msg_id, at) VALUES (@id, @at) ON CONFLICT (msg_id) DO NOTHING RETURNING 1",
            connection);
        command.Parameters.AddWithValue("id", msgId);
        command.Parameters.AddWithValue("at", now.UtcDateTime);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    // Messages can arrive out of order across pages; an older one never shrinks a newer window.
    public Task OpenWindowAsync(string conversationId, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO wecom_kf_windows (conversation, opened, used) VALUES (@conversation, @opened, 0)
            ON CONFLICT (conversation) DO UPDATE SET opened = excluded.opened, used = 0
            WHERE wecom_kf_windows.opened <= excluded.opened
            """,
            [("conversation", conversationId), ("opened", sentAt.UtcDateTime)],
            cancellationToken);

    public async Task<int> ReserveAsync(string conversationId, int wanted, WeComKfWindow window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wanted);
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var read = new NpgsqlCommand("SELECT opened, used FROM wecom_kf_windows WHERE conversation = @conversation FOR UPDATE", connection, transaction);
        read.Parameters.AddWithValue("conversation", conversationId);
        DateTimeOffset opened;
        int used;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return 0;
            }

            opened = PostgresTime.FromColumn(reader.GetDateTime(0));
            used = reader.GetInt32(1);
        }

        if (now - opened > window.Duration)
        {
            return 0;
        }

        var take = Math.Min(wanted, Math.Max(0, window.Messages - used));
        if (take > 0)
        {
            await using var update = new NpgsqlCommand("UPDATE wecom_kf_windows SET used = @used WHERE conversation = @conversation", connection, transaction);
            update.Parameters.AddWithValue("used", used + take);
            update.Parameters.AddWithValue("conversation", conversationId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return take;
    }

    public Task SaveAddressAsync(string conversationId, string openKfId, string externalUserId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO wecom_kf_addresses (conversation, open_kfid, external_user) VALUES (@conversation, @kf, @user)
            ON CONFLICT (conversation) DO UPDATE SET open_kfid = excluded.open_kfid, external_user = excluded.external_user
            """,
            [("conversation", conversationId), ("kf", openKfId), ("user", protector.Protect(externalUserId))],
            cancellationToken);

    public async Task<(string OpenKfId, string ExternalUserId)?> GetAddressAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT open_kfid, external_user FROM wecom_kf_addresses WHERE conversation = @conversation", connection);
        command.Parameters.AddWithValue("conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (reader.GetString(0), protector.Unprotect(reader.GetString(1)));
    }

    /// <summary>Old ids are pruned at most once an hour per process (any process's prune serves all).</summary>
    private bool IsPruneDue(DateTimeOffset now)
    {
        lock (gate)
        {
            if (now.UtcTicks < nextPruneTicks)
            {
                return false;
            }

            nextPruneTicks = (now + TimeSpan.FromHours(1)).UtcTicks;
            return true;
        }
    }

    /// <summary>One upsert on a connection of its own: each is a single statement, so it needs no transaction.</summary>
    private async Task ExecuteAsync(string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
