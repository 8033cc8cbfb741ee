using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// A private schema in the test PostgreSQL server named by <see cref="VariableName"/> (.ci/run starts one), dropped on
/// dispose, so each test starts from an empty database. Without the variable the test is skipped with a message, except
/// under CI (CI=true), where a missing database is a failure: CI must never pass by skipping these tests.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string VariableName = "WECOMHELP_TEST_POSTGRES";

    private PostgresTestDatabase(string adminConnectionString, string schema)
    {
        AdminConnectionString = adminConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = schema }.ConnectionString;
        Database = new PostgresDatabase(ConnectionString, NullLogger<PostgresDatabase>.Instance);
    }

    public string AdminConnectionString { get; }

    public string Schema { get; }

    /// <summary>The connection string of this test's schema (search_path set to it).</summary>
    public string ConnectionString { get; }

    public PostgresDatabase Database { get; }

    /// <summary>The server's connection string; skips the test (or fails it under CI) when none is configured.</summary>
    public static string RequireServer()
    {
        var connectionString = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true but {VariableName} is not set: .ci/run must start the test PostgreSQL server.");
            }

            Skip.If(true, $"PostgreSQL tests skipped: set {VariableName} to an Npgsql connection string (see .ci/run).");
        }

        return connectionString!;
    }

    public static PostgresTestDatabase Create()
    {
        var server = RequireServer();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        command.ExecuteNonQuery();
        return new PostgresTestDatabase(server, schema);
    }

    /// <summary>
    /// Migrates this schema, then records one step more than this build knows, as a newer program would have: what a
    /// server or command started on it must refuse.
    /// </summary>
    public async Task MarkSchemaNewerThanTheBuildAsync()
    {
        await Database.MigrateAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@version)", connection);
        insert.Parameters.AddWithValue("version", PostgresMigrations.LatestVersion + 1);
        await insert.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
