using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbTicketStoreContractTests : TicketStoreContractTests, IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());

    protected override ITicketStore CreateStore() => new LiteDbTicketStore(database);

    public void Dispose() => database.Dispose();
}
