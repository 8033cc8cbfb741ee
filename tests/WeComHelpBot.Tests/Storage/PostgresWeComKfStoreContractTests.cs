using Npgsql;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The 微信客服 contract on a real PostgreSQL server, each store with its own connection pool (skipped without a server, failed under CI).</summary>
public sealed class PostgresWeComKfStoreContractTests : WeComKfStoreContractTests
{
    private static readonly WeComKfWindow Window = WeComKfWindow.Default;

    private readonly PostgresProcesses processes = new();

    protected override IWeComKfStore StartProcess() => new PostgresWeComKfStore(processes.Start(), Protector, Time);

    protected override async Task DisposeDataAsync() => await processes.DisposeAsync();

    [SkippableFact]
    public async Task TheExternalUserId_IsStoredEncrypted()
    {
        await StartProcess().SaveAddressAsync("kf-c1", "wkAAA", "wmEXTERNAL-user-1");

        await using var connection = new NpgsqlConnection(processes.Test.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT external_user FROM wecom_kf_addresses", connection);
        var stored = Assert.IsType<string>(await command.ExecuteScalarAsync());
        Assert.DoesNotContain("wmEXTERNAL", stored, StringComparison.Ordinal);
        Assert.Equal("wmEXTERNAL-user-1", Protector.Unprotect(stored));
    }

    // Not in the shared contract: the LiteDB file belongs to one process, and its store does not guard against its own threads racing.
    [SkippableFact]
    public async Task ProcessesMarkingOneMessageAtOnce_HandleItOnce()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => StartProcess()).ToList();

        var handled = await Task.WhenAll(stores.Select(store => Task.Run(() => store.TryMarkHandledAsync("msg-1"))));

        Assert.Equal(1, handled.Count(h => h));
    }

    [SkippableFact]
    public async Task ProcessesReplyingAtOnce_NeverOverspendTheWindow()
    {
        var now = Time.GetUtcNow();
        var stores = Enumerable.Range(0, 4).Select(_ => StartProcess()).ToList();
        await stores[0].OpenWindowAsync("kf-c1", now);

        var granted = await Task.WhenAll(
            Enumerable.Range(0, 12).Select(i => Task.Run(() => stores[i % stores.Count].ReserveAsync("kf-c1", 1, Window, now))));

        Assert.Equal(Window.Messages, granted.Sum());
    }
}
