using WeComHelpBot.Channels;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The lease contract on a real PostgreSQL server, each store with its own connection pool (skipped without a server, failed under CI).</summary>
public sealed class PostgresLeaseStoreContractTests : LeaseStoreContractTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(90);

    private readonly PostgresProcesses processes = new();

    protected override ILeaseStore StartProcess() => new PostgresLeaseStore(processes.Start(), Time);

    public override async Task DisposeAsync() => await processes.DisposeAsync();

    // Not in the shared contract: the LiteDB file belongs to one process, whose single AI bot connection never races itself.
    [SkippableFact]
    public async Task ProcessesAskingAtOnce_GetOneHolder()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => StartProcess()).ToList();

        var taken = await Task.WhenAll(stores.Select((store, i) => Task.Run(() => store.TryAcquireAsync("aibot", $"process-{i}", Duration))));

        Assert.Equal(1, taken.Count(t => t));
    }
}
