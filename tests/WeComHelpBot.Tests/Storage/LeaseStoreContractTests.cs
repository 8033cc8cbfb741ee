using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// Leases (the AI bot's connection owner, the 微信客服 sync) run against every backend: each store instance stands for
/// a server process; all share one database and one clock.
/// </summary>
public abstract class LeaseStoreContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(90);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A store as one more process over the same data.</summary>
    protected abstract ILeaseStore StartProcess();

    public Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    [SkippableFact]
    public async Task ALeaseHeldByOneProcess_IsRefusedToAnother_UntilItExpires()
    {
        var a = StartProcess();
        var b = StartProcess();

        Assert.True(await a.TryAcquireAsync("aibot", "process-a", Duration));
        Assert.False(await b.TryAcquireAsync("aibot", "process-b", Duration));
        Time.Advance(Duration - TimeSpan.FromSeconds(1));
        Assert.False(await b.TryAcquireAsync("aibot", "process-b", Duration));

        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await b.TryAcquireAsync("aibot", "process-b", Duration));
        Assert.False(await a.TryAcquireAsync("aibot", "process-a", Duration));
    }

    [SkippableFact]
    public async Task RenewingALease_KeepsItFromTheOthers()
    {
        var a = StartProcess();
        var b = StartProcess();
        Assert.True(await a.TryAcquireAsync("kf-sync", "process-a", Duration));

        Time.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await a.TryAcquireAsync("kf-sync", "process-a", Duration));
        Time.Advance(TimeSpan.FromSeconds(60));

        Assert.False(await b.TryAcquireAsync("kf-sync", "process-b", Duration));
    }

    [SkippableFact]
    public async Task ReleasingALease_FreesIt_ButOnlyForItsHolder()
    {
        var a = StartProcess();
        var b = StartProcess();
        Assert.True(await a.TryAcquireAsync("aibot", "process-a", Duration));

        await b.ReleaseAsync("aibot", "process-b");
        Assert.False(await b.TryAcquireAsync("aibot", "process-b", Duration));

        await a.ReleaseAsync("aibot", "process-a");
        Assert.True(await b.TryAcquireAsync("aibot", "process-b", Duration));
    }

    [SkippableFact]
    public async Task LeasesOfDifferentNames_AreIndependent()
    {
        var a = StartProcess();
        var b = StartProcess();

        Assert.True(await a.TryAcquireAsync("aibot", "process-a", Duration));
        Assert.True(await b.TryAcquireAsync("kf-sync", "process-b", Duration));
    }
}
