using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

public sealed class PostgresWeComMessageIdLogTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);
    private PostgresTestDatabase? test;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }

    private PostgresWeComMessageIdLog CreateLog() => new((test = PostgresTestDatabase.Create()).Database);

    [SkippableFact]
    public async Task SameId_IsAcceptedOnce_WithinTheRetention()
    {
        var log = CreateLog();

        Assert.True(await log.TryAddAsync("id1", Now, Now.AddDays(-1), purgeExpired: false));
        Assert.False(await log.TryAddAsync("id1", Now.AddHours(1), Now.AddHours(1).AddDays(-1), purgeExpired: false));
        Assert.True(await log.TryAddAsync("id2", Now, Now.AddDays(-1), purgeExpired: false));
    }

    [SkippableFact]
    public async Task ExpiredId_IsAcceptedAgain_AndPurgeRemovesOthers()
    {
        var log = CreateLog();
        await log.TryAddAsync("old", Now, Now.AddDays(-1), purgeExpired: false);
        await log.TryAddAsync("other", Now, Now.AddDays(-1), purgeExpired: false);
        var later = Now.AddDays(2);

        Assert.True(await log.TryAddAsync("old", later, later.AddDays(-1), purgeExpired: true));
        Assert.True(await log.TryAddAsync("other", later, later.AddDays(-1), purgeExpired: false));
    }

    [SkippableFact]
    public async Task ConcurrentDeliveries_OfOneId_AreAcceptedOnce()
    {
        var log = CreateLog();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => log.TryAddAsync("same", Now, Now.AddDays(-1), purgeExpired: false)));

        Assert.Single(results, accepted => accepted);
    }
}
