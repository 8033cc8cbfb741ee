using Npgsql;

namespace WeComHelpBot.Bench;

/// <summary>
/// A fresh schema for one scale-out run in the PostgreSQL database named by <c>--postgres</c>,
/// <see cref="VariableName"/> or the tests' WECOMHELP_TEST_POSTGRES, dropped when the run ends, so runs never see each
/// other's state. The servers connect with <see cref="ApplicationName"/>, which lets the run find the database backends
/// serving them (their CPU time) among everyone else's on a shared cluster.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    public const string VariableName = "WECOMHELP_BENCH_POSTGRES";

    public const string TestVariableName = "WECOMHELP_TEST_POSTGRES";

    private BenchPostgres(string serverConnectionString, string schema, string applicationName)
    {
        ServerConnectionString = serverConnectionString;
        Schema = schema;
        ApplicationName = applicationName;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = schema, ApplicationName = applicationName }.ConnectionString;
    }

    /// <summary>The connection string as given (no schema), for creating and dropping the run's schema.</summary>
    public string ServerConnectionString { get; }

    public string Schema { get; }

    public string ApplicationName { get; }

    /// <summary>What the servers get as Storage:ConnectionString: the run's schema as search path.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string to use: the option, else <see cref="VariableName"/>, else the tests' variable; null when none is set.</summary>
    public static string? Resolve(string? option) =>
        new[] { option, Environment.GetEnvironmentVariable(VariableName), Environment.GetEnvironmentVariable(TestVariableName) }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    public static async Task<BenchPostgres> CreateAsync(string serverConnectionString, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var database = new BenchPostgres(serverConnectionString, $"bench_{id}", $"wecomhelp-bench-{id}");
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {database.Schema}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return database;
    }

    /// <summary>Opens a connection on the run's schema (not counted among the servers' backends).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = "wecomhelp-bench-check", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// The database's committed and rolled-back transactions so far (every statement outside a transaction is one), and
    /// the CPU time of the backends serving this run's servers: per turn, what a turn costs the database.
    /// </summary>
    public async Task<(long Transactions, TimeSpan BackendCpu)> DatabaseCostAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_stat_clear_snapshot(), (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
                   array(SELECT pid FROM pg_stat_activity WHERE application_name = @name)
            """,
            connection);
        command.Parameters.AddWithValue("name", ApplicationName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var transactions = reader.GetInt64(1);
        var cpu = reader.GetFieldValue<int[]>(2).Select(ServerProcess.CpuTimeOf).Aggregate(TimeSpan.Zero, (sum, time) => sum + (time ?? TimeSpan.Zero));
        return (transactions, cpu);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
