using Microsoft.Bot.Builder;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The storage contract on a real PostgreSQL server, each test in a schema of its own.</summary>
public sealed class PostgresStorageContractTests : StorageContractTests, IAsyncLifetime
{
    private PostgresTestDatabase? database;
    private IStorage? storage;

    /// <summary>Made on first use, inside the test, so a missing server skips (or fails) the test rather than its construction.</summary>
    protected override IStorage Storage => storage ??= new PostgresStorage((database = PostgresTestDatabase.Create()).Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
