using Microsoft.Extensions.Logging;
using Npgsql;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: one pooled data source for the process, and the schema brought up to date
/// (<see cref="PostgresMigrations"/>) before the first command any store runs. Every Postgres store takes its
/// connections from <see cref="OpenAsync"/>, so none can run against a schema older than the code.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<PostgresDatabase> logger;
    private readonly SemaphoreSlim migrating = new(1, 1);
    private volatile bool migrated;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:Provider is Postgres but Storage:ConnectionString is not set.");
        }

        dataSource = NpgsqlDataSource.Create(connectionString);
        this.logger = logger;
    }

    /// <summary>An open connection on a schema at <see cref="PostgresMigrations.LatestVersion"/>; dispose it to return it to the pool.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Creates or upgrades the schema; safe to run from several processes at once (they take turns).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await migrating.WaitAsync(cancellationToken);
        try
        {
            if (migrated)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var applied = await PostgresMigrations.ApplyAsync(connection, cancellationToken);
            if (applied > 0)
            {
                logger.LogInformation("PostgreSQL schema upgraded by {Count} migration(s) to version {Version}", applied, PostgresMigrations.LatestVersion);
            }

            migrated = true;
        }
        finally
        {
            migrating.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        migrating.Dispose();
    }

    /// <summary>For containers disposed synchronously (a test host, a tool's <c>using</c>), which refuse async-only services.</summary>
    public void Dispose()
    {
        dataSource.Dispose();
        migrating.Dispose();
    }
}
