using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbHandoverHoldStoreContractTests : HandoverHoldStoreContractTests, IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());

    protected override IHandoverHoldStore CreateStore() => new LiteDbHandoverHoldStore(database);

    public void Dispose() => database.Dispose();
}
