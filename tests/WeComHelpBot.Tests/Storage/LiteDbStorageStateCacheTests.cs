using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// The state cache of <see cref="LiteDbStorage"/>: what it returns is always what the file holds after the last commit,
/// as fresh objects, and it never hides a conflict.
/// </summary>
public sealed class LiteDbStorageStateCacheTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);
    private readonly LiteDatabase database;
    private readonly LiteDbStorage cached;
    private readonly LiteDbStorage uncached;

    public LiteDbStorageStateCacheTests()
    {
        var file = folder.File("state.db");
        database = provider.GetDatabase(file);
        var writes = new LiteDbWriteQueue(database);
        cached = new LiteDbStorage(database, file, writes, stateCacheSize: 50);
        uncached = new LiteDbStorage(database, file, writes);
    }

    public void Dispose()
    {
        provider.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task AWrittenKey_IsReadFromMemory_AsANewObjectEachTime()
    {
        await cached.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 1, Note = "对公打款" } });
        Assert.Equal(1, cached.CachedKeys);

        // Remove the document behind the cache's back: a read that still finds it came from memory.
        database.GetCollection(LiteDbStorage.CollectionName).DeleteAll();
        var first = (CounterItem)(await cached.ReadAsync(["conv"]))["conv"];
        first.Count = 99;
        var second = (CounterItem)(await cached.ReadAsync(["conv"]))["conv"];

        Assert.Equal(1, second.Count);
        Assert.Equal("对公打款", second.Note);
        Assert.NotSame(first, second);
        Assert.Empty(await uncached.ReadAsync(["conv"]));
    }

    [Fact]
    public async Task AKeyNeverWrittenHere_IsReadFromTheFile()
    {
        await uncached.WriteAsync(new Dictionary<string, object> { ["old"] = new CounterItem { Count = 4 } });

        Assert.Equal(4, ((CounterItem)(await cached.ReadAsync(["old"]))["old"]).Count);
        Assert.Equal(0, cached.CachedKeys);
    }

    [Fact]
    public async Task AConflictingWrite_LeavesTheCachedValue()
    {
        await cached.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 1 } });
        var stale = (CounterItem)(await cached.ReadAsync(["conv"]))["conv"];
        var fresh = (CounterItem)(await cached.ReadAsync(["conv"]))["conv"];
        fresh.Count = 2;
        await cached.WriteAsync(new Dictionary<string, object> { ["conv"] = fresh });

        stale.Count = 3;
        await Assert.ThrowsAsync<EtagConflictException>(() => cached.WriteAsync(new Dictionary<string, object> { ["conv"] = stale }));

        Assert.Equal(2, ((CounterItem)(await cached.ReadAsync(["conv"]))["conv"]).Count);
        Assert.Equal(2, ((CounterItem)(await uncached.ReadAsync(["conv"]))["conv"]).Count);
    }

    [Fact]
    public async Task Delete_ForgetsTheKey()
    {
        await cached.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 1 } });

        await cached.DeleteAsync(["conv"]);

        Assert.Empty(await cached.ReadAsync(["conv"]));
        Assert.Equal(0, cached.CachedKeys);
    }

    [Fact]
    public async Task RacingWritesToOneKey_LeaveTheCacheOnTheValueInTheFile()
    {
        var writes = Enumerable.Range(1, 200).Select(n => Task.Run(() =>
            cached.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = n, ETag = "*" } })));
        await Task.WhenAll(writes);

        var inMemory = (CounterItem)(await cached.ReadAsync(["conv"]))["conv"];
        var inFile = (CounterItem)(await uncached.ReadAsync(["conv"]))["conv"];
        Assert.Equal(inFile.Count, inMemory.Count);
        Assert.Equal(inFile.ETag, inMemory.ETag);
    }

    [Fact]
    public async Task ReadModifyWrite_FromManyWorkers_LosesNoIncrement()
    {
        await cached.WriteAsync(new Dictionary<string, object> { ["counter"] = new CounterItem { Count = 0 } });

        await CounterIncrements.RunAsync([cached], "counter", workers: 4, incrementsEach: 25);

        Assert.Equal(100, ((CounterItem)(await cached.ReadAsync(["counter"]))["counter"]).Count);
        Assert.Equal(100, ((CounterItem)(await uncached.ReadAsync(["counter"]))["counter"]).Count);
    }

    [Fact]
    public async Task ReadModifyWrite_RacingAnotherProcess_LosesNoIncrement()
    {
        // The cached side keeps meeting conflicts with the other connection's writes; each one sends it back to the file.
        using var processes = new TwoProcesses(folder.File("shared.db"));
        var (server, other) = (processes.Server, processes.Other);
        await server.WriteAsync(new Dictionary<string, object> { ["counter"] = new CounterItem { Count = 0 } });

        await CounterIncrements.RunAsync([server, other], "counter", workers: 4, incrementsEach: 10);

        // Every increment is in the file. (The server's own cache may still hold its last write: see StorageOptions.StateCacheSize.)
        Assert.Equal(40, ((CounterItem)(await other.ReadAsync(["counter"]))["counter"]).Count);
        Assert.Equal(40, ((CounterItem)(await processes.ServerWithoutCache.ReadAsync(["counter"]))["counter"]).Count);
    }

    [Fact]
    public async Task AChangeByAnotherProcess_IsNeverOverwritten_AndIsReadOnceTheWriteConflicts()
    {
        using var processes = new TwoProcesses(folder.File("shared.db"));
        var (server, other) = (processes.Server, processes.Other);
        await server.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 1, Note = "server" } });
        var theirs = (CounterItem)(await other.ReadAsync(["conv"]))["conv"];
        theirs.Note = "other process";
        await other.WriteAsync(new Dictionary<string, object> { ["conv"] = theirs });

        var cachedCopy = (CounterItem)(await server.ReadAsync(["conv"]))["conv"];
        cachedCopy.Count = 2;
        await Assert.ThrowsAsync<EtagConflictException>(() => server.WriteAsync(new Dictionary<string, object> { ["conv"] = cachedCopy }));
        Assert.Equal("other process", ((CounterItem)(await other.ReadAsync(["conv"]))["conv"]).Note);

        var reread = (CounterItem)(await server.ReadAsync(["conv"]))["conv"];
        Assert.Equal("other process", reread.Note);
        reread.Count = 2;
        await server.WriteAsync(new Dictionary<string, object> { ["conv"] = reread });
        Assert.Equal(2, ((CounterItem)(await other.ReadAsync(["conv"]))["conv"]).Count);
    }

    [Fact]
    public void TheCache_IsOnByDefaultOnlyWhenTheFileIsHeldAlone()
    {
        Assert.Equal(StorageOptions.DefaultStateCacheSize, new StorageOptions { Connection = ConnectionType.Direct }.EffectiveStateCacheSize);
        Assert.Equal(0, new StorageOptions { Connection = ConnectionType.Shared }.EffectiveStateCacheSize);
        Assert.Equal(500, new StorageOptions { Connection = ConnectionType.Shared, StateCacheSize = 500 }.EffectiveStateCacheSize);
        Assert.Equal(0, new StorageOptions { Connection = ConnectionType.Direct, StateCacheSize = 0 }.EffectiveStateCacheSize);
    }

    [Theory]
    [InlineData(ConnectionType.Direct, 1)]
    [InlineData(ConnectionType.Shared, 0)]
    public async Task TheRegisteredStorage_CachesPerTheConnection(ConnectionType connection, int cachedAfterAWrite)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new StorageOptions { Connection = connection }));
        services.AddBotStorage(new BotPaths { DataDirectory = folder.File("registered") });
        await using var provider = services.BuildServiceProvider();
        var storage = Assert.IsType<LiteDbStorage>(provider.GetRequiredService<IStorage>());

        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 1 } });

        Assert.Equal(cachedAfterAWrite, storage.CachedKeys);
    }

    /// <summary>Two Shared connections on one file, as two processes would have: a server with the state cache, and another without.</summary>
    private sealed class TwoProcesses : IDisposable
    {
        private readonly LiteDatabaseProvider serverSide = new(ConnectionType.Shared);
        private readonly LiteDatabaseProvider otherSide = new(ConnectionType.Shared);

        public TwoProcesses(string file)
        {
            Server = new LiteDbStorage(serverSide.GetDatabase(file), file, stateCacheSize: 50);
            ServerWithoutCache = new LiteDbStorage(serverSide.GetDatabase(file), file);
            Other = new LiteDbStorage(otherSide.GetDatabase(file), file);
        }

        public LiteDbStorage Server { get; }

        /// <summary>The server's connection read past its cache: what the file holds.</summary>
        public LiteDbStorage ServerWithoutCache { get; }

        public LiteDbStorage Other { get; }

        public void Dispose()
        {
            serverSide.Dispose();
            otherSide.Dispose();
        }
    }
}
