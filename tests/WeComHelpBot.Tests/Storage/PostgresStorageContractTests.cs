using Microsoft.Bot.Builder;
using WeComHelpBot.Storage;
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

    [SkippableFact]
    public async Task Write_OfSeveralKeysWithOneStaleETag_WritesNoneOfThem()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new CounterItem { Count = 1 }, ["b"] = new CounterItem { Count = 1 } });
        var read = await Storage.ReadAsync(["a", "b"]);
        var (a, b) = ((CounterItem)read["a"], (CounterItem)read["b"]);
        await Storage.WriteAsync(new Dictionary<string, object> { ["b"] = new CounterItem { Count = 2, ETag = b.ETag } });

        await Assert.ThrowsAsync<EtagConflictException>(() => Storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new CounterItem { Count = 10, ETag = a.ETag },
            ["b"] = new CounterItem { Count = 10, ETag = b.ETag },
        }));

        var after = await Storage.ReadAsync(["a", "b"]);
        Assert.Equal((1, 2), (((CounterItem)after["a"]).Count, ((CounterItem)after["b"]).Count));
    }

    [SkippableFact]
    public async Task ConcurrentWrites_OnOneETag_OnlyOneSucceeds()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 0 } });
        var etag = ((CounterItem)(await Storage.ReadAsync(["k"]))["k"]).ETag;

        // Separate storages (as two processes would have) over one database, each writing on the same ETag.
        var writers = Enumerable.Range(1, 8).Select(async n =>
        {
            try
            {
                await new PostgresStorage(database!.Database).WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = n, ETag = etag } });
                return n;
            }
            catch (EtagConflictException)
            {
                return 0;
            }
        });
        var succeeded = (await Task.WhenAll(writers)).Where(n => n > 0).ToList();

        var winner = Assert.Single(succeeded);
        Assert.Equal(winner, ((CounterItem)(await Storage.ReadAsync(["k"]))["k"]).Count);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
