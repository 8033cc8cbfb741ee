using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The contract on a real PostgreSQL server, each test in a schema of its own.</summary>
public sealed class PostgresTicketDeskStoreContractTests : TicketDeskStoreContractTests, IAsyncLifetime
{
    private PostgresTestDatabase? database;

    /// <summary>Made on first use, inside the test, so a missing server skips (or fails) the test rather than its construction.</summary>
    protected override ITicketDeskStore CreateStore() => new PostgresTicketDeskStore((database = PostgresTestDatabase.Create()).Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
