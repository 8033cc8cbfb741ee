using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>Direct mode (one process owns the file) and shared mode (several processes) are never mixed on one file.</summary>
public sealed class StorageConnectionModeTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("wecomhelpbot-mode-");

    private string DatabaseFile => Path.Combine(folder.FullName, "bot.db");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void DirectMode_IsRefusedWhileAnotherProviderUsesTheFileShared()
    {
        using var shared = new LiteDatabaseProvider(ConnectionType.Shared);
        shared.GetDatabase(DatabaseFile);

        using var direct = new LiteDatabaseProvider(ConnectionType.Direct);
        var error = Assert.Throws<StorageUnavailableException>(() => direct.GetDatabase(DatabaseFile));

        Assert.Contains("Direct", error.Message);
    }

    [Fact]
    public void SharedMode_IsRefusedWhileAServerHoldsTheFileDirect()
    {
        using var direct = new LiteDatabaseProvider(ConnectionType.Direct);
        direct.GetDatabase(DatabaseFile);

        using var shared = new LiteDatabaseProvider(ConnectionType.Shared);
        var error = Assert.Throws<StorageUnavailableException>(() => shared.GetDatabase(DatabaseFile));

        Assert.Contains("停止服务器", error.Message);
    }

    [Fact]
    public async Task DirectMode_DataIsReadInSharedModeOnceTheOwnerCloses()
    {
        using (var direct = new LiteDatabaseProvider(ConnectionType.Direct))
        {
            var storage = new LiteDbStorage(direct.GetDatabase(DatabaseFile), DatabaseFile);
            await storage.WriteAsync(new Dictionary<string, object> { ["note"] = "写入一次" });
        }

        using var shared = new LiteDatabaseProvider(ConnectionType.Shared);
        var reopened = new LiteDbStorage(shared.GetDatabase(DatabaseFile), DatabaseFile);

        Assert.Equal("写入一次", (await reopened.ReadAsync(["note"]))["note"]);
    }

    [Fact]
    public void TwoSharedProviders_UseTheFileTogether()
    {
        using var first = new LiteDatabaseProvider(ConnectionType.Shared);
        using var second = new LiteDatabaseProvider(ConnectionType.Shared);

        first.GetDatabase(DatabaseFile).GetCollection("a").Insert(new BsonDocument { ["x"] = 1 });

        Assert.Equal(1, second.GetDatabase(DatabaseFile).GetCollection("a").Count());
    }
}
