using Npgsql;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The 微信客服 contract on a real PostgreSQL server, each store with its own connection pool (skipped without a server, failed under CI).</summary>
public sealed class PostgresWeComKfStoreContractTests : WeComKfStoreContractTests
{
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
}
