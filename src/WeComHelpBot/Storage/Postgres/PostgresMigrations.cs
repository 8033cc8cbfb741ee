using Npgsql;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// The schema as numbered steps. <c>schema_migrations</c> records the steps applied; each step runs once, in its own
/// transaction, under an advisory lock so that processes starting together do not apply it twice. Steps are only ever
/// appended: a released step is never edited (a database that already ran it would not see the change).
/// Another feature's tables (the support console's, for example) are added as new steps at the end.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>The advisory lock key held while migrating (an arbitrary constant, "wecomhelp" in ASCII, truncated).</summary>
    private const long MigrationLockKey = 0x7765636f6d68656c;

    private static readonly string[] Steps =
    [
        // 1: bot state (Bot Builder IStorage) with its ETag.
        """
        CREATE TABLE bot_state (
            id text PRIMARY KEY,
            key text NOT NULL,
            json text,
            etag text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        """,

        // 2: WeCom deliveries already handled (hashed ids), purged after their retention.
        """
        CREATE TABLE wecom_message_ids (
            id text PRIMARY KEY,
            at timestamptz NOT NULL
        );
        CREATE INDEX wecom_message_ids_at ON wecom_message_ids (at);
        """,

        // 3: tickets (with their number sequence) and the support console's tables.
        """
        CREATE TABLE tickets (
            number text PRIMARY KEY,
            status text NOT NULL,
            created_at timestamptz NOT NULL,
            contact text,
            json text NOT NULL
        );
        CREATE INDEX tickets_status ON tickets (status);
        CREATE TABLE ticket_counters (
            day text PRIMARY KEY,
            last integer NOT NULL
        );
        CREATE TABLE ticket_contact_key (
            id integer PRIMARY KEY CHECK (id = 1),
            fingerprint text NOT NULL
        );
        CREATE TABLE desk_accounts (
            key text PRIMARY KEY,
            json text NOT NULL
        );
        CREATE TABLE desk_audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            json text NOT NULL
        );
        CREATE TABLE desk_tickets (
            key text PRIMARY KEY,
            json text NOT NULL
        );
        CREATE TABLE desk_holds (
            key text PRIMARY KEY,
            json text NOT NULL
        );
        CREATE TABLE desk_session_keys (
            name text PRIMARY KEY,
            xml text NOT NULL
        );
        """,

        // 4: transcripts, analytics events, 微信客服 cursors and leases.
        """
        CREATE TABLE transcript_lines (
            id bigserial PRIMARY KEY,
            conversation text NOT NULL,
            channel text NOT NULL,
            at timestamptz NOT NULL,
            direction text NOT NULL,
            text text NOT NULL
        );
        CREATE INDEX transcript_lines_conversation ON transcript_lines (conversation, at, id);
        CREATE INDEX transcript_lines_at ON transcript_lines (at);

        CREATE TABLE analytics_events (
            id bigserial PRIMARY KEY,
            type text NOT NULL,
            conversation text NOT NULL,
            at timestamptz NOT NULL,
            entry text,
            text text,
            flow text,
            reason text,
            ticket text,
            channel text,
            score double precision,
            rating integer,
            resolved boolean
        );
        CREATE INDEX analytics_events_at ON analytics_events (at, id);

        CREATE TABLE wecom_kf_cursors (
            open_kfid text PRIMARY KEY,
            cursor text NOT NULL,
            at timestamptz NOT NULL
        );

        CREATE TABLE wecom_kf_msgids (
            msg_id text PRIMARY KEY,
            at timestamptz NOT NULL
        );
        CREATE INDEX wecom_kf_msgids_at ON wecom_kf_msgids (at);

        CREATE TABLE wecom_kf_windows (
            conversation text PRIMARY KEY,
            opened timestamptz NOT NULL,
            used integer NOT NULL
        );

        CREATE TABLE wecom_kf_addresses (
            conversation text PRIMARY KEY,
            open_kfid text NOT NULL,
            external_user text NOT NULL
        );

        CREATE TABLE leases (
            name text PRIMARY KEY,
            holder text NOT NULL,
            expires_at timestamptz NOT NULL
        );
        """,
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>Applies the steps the database lacks; returns how many ran.</summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, new NpgsqlParameter("key", MigrationLockKey));
        try
        {
            await ExecuteAsync(
                connection,
                null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            await using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
            var version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (version > Steps.Length)
            {
                // Running on would write rows a newer build's tables no longer mean: stop instead (one line, exit 2).
                throw new PostgresUnavailableException(
                    $"无法使用 PostgreSQL 数据库 {connection.Host}:{connection.Port}/{connection.Database}：它的表结构是第 {version} 版，"
                    + $"比本程序认识的第 {Steps.Length} 版新（已被更新的版本用过）。请把本程序升级到与其他进程相同的版本。");
            }

            for (var step = version; step < Steps.Length; step++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, Steps[step], cancellationToken);
                await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version) VALUES (@version)", cancellationToken, new NpgsqlParameter("version", step + 1));
                await transaction.CommitAsync(cancellationToken);
            }

            return Steps.Length - version;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, new NpgsqlParameter("key", MigrationLockKey));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
