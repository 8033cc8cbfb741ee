using LiteDB;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Tests.Storage.LiteDb;

public sealed class LiteDbLeaseStoreTests : IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Lease_HasOneHolder_UntilItLapsesOrIsReleased()
    {
        var store = new LiteDbLeaseStore(database, time);

        Assert.True(await store.TryAcquireAsync("aibot", "process-a", TimeSpan.FromSeconds(90)));
        Assert.False(await store.TryAcquireAsync("aibot", "process-b", TimeSpan.FromSeconds(90)));
        Assert.True(await store.TryAcquireAsync("aibot", "process-a", TimeSpan.FromSeconds(90)));

        time.Advance(TimeSpan.FromSeconds(91));
        Assert.True(await store.TryAcquireAsync("aibot", "process-b", TimeSpan.FromSeconds(90)));
        Assert.False(await store.TryAcquireAsync("aibot", "process-a", TimeSpan.FromSeconds(90)));

        await store.ReleaseAsync("aibot", "process-a");
        Assert.False(await store.TryAcquireAsync("aibot", "process-a", TimeSpan.FromSeconds(90)));
        await store.ReleaseAsync("aibot", "process-b");
        Assert.True(await store.TryAcquireAsync("aibot", "process-a", TimeSpan.FromSeconds(90)));
    }
}
