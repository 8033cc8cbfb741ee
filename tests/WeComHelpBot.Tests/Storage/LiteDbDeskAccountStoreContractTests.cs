using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbDeskAccountStoreContractTests : DeskAccountStoreContractTests, IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());

    protected override IDeskAccountStore CreateStore() => new LiteDbDeskAccountStore(database);

    public void Dispose() => database.Dispose();
}
