using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The contract on a real PostgreSQL server, each test in a schema of its own.</summary>
public sealed class PostgresTicketStoreContractTests : TicketStoreContractTests, IAsyncLifetime
{
    private PostgresTestDatabase? database;

    /// <summary>Made on first use, inside the test, so a missing server skips (or fails) the test rather than its construction.</summary>
    protected override ITicketStore CreateStore() => new PostgresTicketStore((database = PostgresTestDatabase.Create()).Database);

    [SkippableFact]
    public async Task UsesContactKey_RefusesAnotherKeyThanTheFirst()
    {
        Assert.True(await Store.UsesContactKeyAsync(() => "AAAA"));

        Assert.False(await Store.UsesContactKeyAsync(() => "BBBB"));
        Assert.True(await Store.UsesContactKeyAsync(() => "AAAA"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
