using Microsoft.Extensions.Logging.Abstractions;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// Databases of "server processes" sharing one private test schema: each after the first has its own connection pool.
/// The schema is made on first use, inside the test, so a missing server skips (or fails) the test.
/// </summary>
public sealed class PostgresProcesses : IAsyncDisposable
{
    private readonly List<PostgresDatabase> others = [];
    private PostgresTestDatabase? test;

    public PostgresTestDatabase Test => test ??= PostgresTestDatabase.Create();

    /// <summary>The database as one more process sees it.</summary>
    public PostgresDatabase Start()
    {
        if (test is null)
        {
            return Test.Database;
        }

        var database = new PostgresDatabase(test.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        others.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in others)
        {
            await database.DisposeAsync();
        }

        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }
}
