using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbAuditLogContractTests : AuditLogContractTests, IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());

    protected override IAuditLog CreateStore() => new LiteDbAuditLog(database);

    public void Dispose() => database.Dispose();
}
