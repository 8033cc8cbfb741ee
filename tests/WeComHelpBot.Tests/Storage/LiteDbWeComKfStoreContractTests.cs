using LiteDB;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbWeComKfStoreContractTests : WeComKfStoreContractTests
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);
    private readonly LiteDatabase database;

    public LiteDbWeComKfStoreContractTests() => database = provider.GetDatabase(folder.File("kf.db"));

    protected override IWeComKfStore StartProcess() => new LiteDbWeComKfStore(database, Protector, Time);

    protected override Task DisposeDataAsync()
    {
        provider.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }
}
