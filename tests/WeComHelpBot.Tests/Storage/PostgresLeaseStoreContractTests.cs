using WeComHelpBot.Channels;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The lease contract on a real PostgreSQL server, each store with its own connection pool (skipped without a server, failed under CI).</summary>
public sealed class PostgresLeaseStoreContractTests : LeaseStoreContractTests
{
    private readonly PostgresProcesses processes = new();

    protected override ILeaseStore StartProcess() => new PostgresLeaseStore(processes.Start(), Time);

    public override async Task DisposeAsync() => await processes.DisposeAsync();
}
