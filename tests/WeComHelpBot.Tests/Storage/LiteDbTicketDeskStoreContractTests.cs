using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbTicketDeskStoreContractTests : TicketDeskStoreContractTests, IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());

    protected override ITicketDeskStore CreateStore() => new LiteDbTicketDeskStore(database);

    public void Dispose() => database.Dispose();
}
