using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbTicketStoreContractTests : TicketStoreContractTests, IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());

    protected override ITicketStore CreateStore() => new LiteDbTicketStore(database);

    [Fact]
    public async Task UsesContactKey_NeverAsksForTheKey_WhichSitsBesideTheFile()
    {
        Assert.True(await Store.UsesContactKeyAsync(() => throw new InvalidOperationException("the key must not be made")));
    }

    public void Dispose() => database.Dispose();
}
