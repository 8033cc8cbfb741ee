using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// What 微信客服 keeps across restarts and processes, run against every backend: each store instance stands for a server
/// process; all share one database, one contact key and one clock.
/// </summary>
public abstract class WeComKfStoreContractTests : IAsyncLifetime
{
    private static readonly WeComKfWindow Window = WeComKfWindow.Default;

    private readonly TempFolder keys = new();

    protected WeComKfStoreContractTests() => Protector = new ContactProtector(keys.File("ticket-contact.key"));

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected ContactProtector Protector { get; }

    /// <summary>A store as one more process over the same data.</summary>
    protected abstract IWeComKfStore StartProcess();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await DisposeDataAsync();
        keys.Dispose();
    }

    protected abstract Task DisposeDataAsync();

    [SkippableFact]
    public async Task TheSyncCursor_IsKeptPerAccount_AndReadByTheOtherProcess()
    {
        var a = StartProcess();
        var b = StartProcess();
        Assert.Null(await a.GetCursorAsync("wkAAA"));

        await a.SaveCursorAsync("wkAAA", "cursor-1");
        await a.SaveCursorAsync("wkBBB", "other");
        await b.SaveCursorAsync("wkAAA", "cursor-2");

        Assert.Equal("cursor-2", await a.GetCursorAsync("wkAAA"));
        Assert.Equal("other", await b.GetCursorAsync("wkBBB"));
    }

    [SkippableFact]
    public async Task AMessage_IsHandledOnce_AcrossProcesses_UntilItsIdIsPruned()
    {
        var a = StartProcess();
        var b = StartProcess();

        Assert.True(await a.TryMarkHandledAsync("msg-1"));
        Assert.False(await b.TryMarkHandledAsync("msg-1"));
        Assert.False(await a.TryMarkHandledAsync("msg-1"));

        // Past the retention a later process prunes the old id (sync_msg never returns a message that old again).
        Time.Advance(TimeSpan.FromDays(5));
        var c = StartProcess();
        Assert.True(await c.TryMarkHandledAsync("msg-2"));
        Assert.True(await c.TryMarkHandledAsync("msg-1"));
    }

    [SkippableFact]
    public async Task TheWindow_GivesFiveMessages_Within48Hours_OfTheCustomersLastMessage()
    {
        var store = StartProcess();
        var now = Time.GetUtcNow();
        Assert.Equal(0, await store.ReserveAsync("kf-c1", 1, Window, now));

        await store.OpenWindowAsync("kf-c1", now);
        Assert.Equal(3, await store.ReserveAsync("kf-c1", 3, Window, now));
        Assert.Equal(2, await store.ReserveAsync("kf-c1", 3, Window, now));
        Assert.Equal(0, await store.ReserveAsync("kf-c1", 1, Window, now));

        // A new message opens a fresh window; an older one arriving late does not shrink it.
        await store.OpenWindowAsync("kf-c1", now.AddHours(1));
        Assert.Equal(1, await store.ReserveAsync("kf-c1", 1, Window, now.AddHours(1)));
        await store.OpenWindowAsync("kf-c1", now.AddMinutes(30));
        Assert.Equal(4, await store.ReserveAsync("kf-c1", 9, Window, now.AddHours(2)));

        await store.OpenWindowAsync("kf-c2", now);
        Assert.Equal(0, await store.ReserveAsync("kf-c2", 1, Window, now.AddHours(48).AddSeconds(1)));
    }

    [SkippableFact]
    public async Task TheAddress_IsReadBackByTheOtherProcess()
    {
        var a = StartProcess();
        var b = StartProcess();
        Assert.Null(await a.GetAddressAsync("kf-c1"));

        await a.SaveAddressAsync("kf-c1", "wkAAA", "wmEXTERNAL-user-1");

        Assert.Equal(("wkAAA", "wmEXTERNAL-user-1"), await b.GetAddressAsync("kf-c1"));
    }
}
