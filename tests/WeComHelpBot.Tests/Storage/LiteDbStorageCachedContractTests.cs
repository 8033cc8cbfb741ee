using LiteDB;
using Microsoft.Bot.Builder;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The shared storage contract again, with the in-memory state cache on (as in Direct mode).</summary>
public sealed class LiteDbStorageCachedContractTests : StorageContractTests, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);

    public LiteDbStorageCachedContractTests()
    {
        var file = folder.File("state.db");
        Storage = new LiteDbStorage(provider.GetDatabase(file), file, stateCacheSize: 100);
    }

    protected override IStorage Storage { get; }

    public void Dispose()
    {
        provider.Dispose();
        folder.Dispose();
    }
}
