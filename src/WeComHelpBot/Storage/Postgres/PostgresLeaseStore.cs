using Npgsql;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// <see cref="ILeaseStore"/> as rows of the <c>leases</c> table. Taking a lease is one statement, an upsert that only
/// overwrites a row held by the same holder or expired, so of two processes asking at once exactly one gets it.
/// Times come from the processes' clocks (as with LiteDB), so the servers sharing a database keep theirs in sync (NTP).
/// </summary>
public sealed class PostgresLeaseStore(PostgresDatabase database, TimeProvider time) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
            RETURNING 1
            """,
            connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        command.Parameters.AddWithValue("until", (now + duration).UtcDateTime);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM leases WHERE name = @name AND holder = @holder", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
