using LiteDB;
using WeComHelpBot.Channels;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbLeaseStoreContractTests : LeaseStoreContractTests
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);
    private readonly LiteDatabase database;

    public LiteDbLeaseStoreContractTests() => database = provider.GetDatabase(folder.File("leases.db"));

    protected override ILeaseStore StartProcess() => new LiteDbLeaseStore(database, Time);

    public override Task DisposeAsync()
    {
        provider.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }
}
