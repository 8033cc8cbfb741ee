using Microsoft.Bot.Builder;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

public sealed class LiteDbStorageContractTests : StorageContractTests, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new();

    public LiteDbStorageContractTests()
    {
        var file = folder.File("state.db");
        Storage = new LiteDbStorage(provider.GetDatabase(file), file);
    }

    protected override IStorage Storage { get; }

    public void Dispose()
    {
        provider.Dispose();
        folder.Dispose();
    }
}
