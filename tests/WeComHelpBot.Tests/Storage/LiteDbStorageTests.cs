using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>What LiteDbStorage promises beyond the shared contract: durability, cross-connection concurrency, clear failures.</summary>
public sealed class LiteDbStorageTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string DatabaseFile => folder.File("wecomhelpbot.db");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Data_SurvivesClosingAndReopeningTheFile()
    {
        using (var provider = new LiteDatabaseProvider())
        {
            var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);
            await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 9, Note = "人脸识别" } });
        }

        using var reopened = new LiteDatabaseProvider();
        var again = new LiteDbStorage(reopened.GetDatabase(DatabaseFile), DatabaseFile);
        var item = Assert.IsType<CounterItem>((await again.ReadAsync(["conv"]))["conv"]);
        Assert.Equal(9, item.Count);
        Assert.Equal("人脸识别", item.Note);
    }

    [Fact]
    public async Task Write_WithNullETag_Overwrites()
    {
        using var provider = new LiteDatabaseProvider();
        var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 1 } });

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 2, ETag = null } });

        Assert.Equal(2, ((CounterItem)(await storage.ReadAsync(["k"]))["k"]).Count);
    }

    [Fact]
    public async Task JObject_WithStaleETag_IsRejected_AndGetsANewETagOnWrite()
    {
        using var provider = new LiteDatabaseProvider();
        var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);
        await storage.WriteAsync(new Dictionary<string, object> { ["j"] = new JObject { ["n"] = 1, ["eTag"] = "*" } });
        var first = (JObject)(await storage.ReadAsync(["j"]))["j"];
        var firstETag = first.Value<string>("eTag");
        Assert.False(string.IsNullOrEmpty(firstETag));
        Assert.NotEqual("*", firstETag);

        await storage.WriteAsync(new Dictionary<string, object> { ["j"] = new JObject { ["n"] = 2, ["eTag"] = firstETag } });

        await Assert.ThrowsAsync<EtagConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["j"] = new JObject { ["n"] = 3, ["eTag"] = firstETag } }));
        Assert.Equal(2, ((JObject)(await storage.ReadAsync(["j"]))["j"]).Value<int>("n"));
    }

    [Fact]
    public async Task Write_IsAllOrNothing_WhenOneChangeConflicts()
    {
        using var provider = new LiteDatabaseProvider();
        var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new CounterItem { Count = 1 }, ["b"] = new CounterItem { Count = 1 } });

        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new CounterItem { Count = 2, ETag = "*" },
            ["b"] = new CounterItem { Count = 2, ETag = "stale" },
        }));

        var items = await storage.ReadAsync(["a", "b"]);
        Assert.Equal(1, ((CounterItem)items["a"]).Count);
        Assert.Equal(1, ((CounterItem)items["b"]).Count);
    }

    [Fact]
    public async Task TwoConnections_WritingWithTheSameStaleETag_OneGetsAConflict()
    {
        // Two providers = two independent LiteDatabase connections on one file, as two processes would have.
        using var providerA = new LiteDatabaseProvider();
        using var providerB = new LiteDatabaseProvider();
        var a = new LiteDbStorage(providerA.GetDatabase(DatabaseFile), DatabaseFile);
        var b = new LiteDbStorage(providerB.GetDatabase(DatabaseFile), DatabaseFile);
        await a.WriteAsync(new Dictionary<string, object> { ["conv"] = new CounterItem { Count = 0 } });
        var seenByA = (CounterItem)(await a.ReadAsync(["conv"]))["conv"];
        var seenByB = (CounterItem)(await b.ReadAsync(["conv"]))["conv"];
        seenByA.Note = "A";
        seenByB.Note = "B";

        using var start = new ManualResetEventSlim();
        var writes = new[] { (Storage: a, Item: seenByA), (Storage: b, Item: seenByB) }
            .Select(w => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await w.Storage.WriteAsync(new Dictionary<string, object> { ["conv"] = w.Item });
                    return w.Item.Note;
                }
                catch (EtagConflictException)
                {
                    return null;
                }
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(writes);

        var winners = results.Where(r => r is not null).ToList();
        Assert.Single(winners);
        Assert.Equal(winners[0], ((CounterItem)(await b.ReadAsync(["conv"]))["conv"]).Note);
    }

    [Fact]
    public async Task ConcurrentReadModifyWrite_WithRetryOnConflict_LosesNoIncrement()
    {
        using var providerA = new LiteDatabaseProvider();
        using var providerB = new LiteDatabaseProvider();
        var storages = new IStorage[]
        {
            new LiteDbStorage(providerA.GetDatabase(DatabaseFile), DatabaseFile),
            new LiteDbStorage(providerB.GetDatabase(DatabaseFile), DatabaseFile),
        };
        await storages[0].WriteAsync(new Dictionary<string, object> { ["counter"] = new CounterItem { Count = 0 } });
        const int workers = 4;
        const int incrementsEach = 10;

        await CounterIncrements.RunAsync(storages, "counter", workers, incrementsEach);

        Assert.Equal(workers * incrementsEach, ((CounterItem)(await storages[1].ReadAsync(["counter"]))["counter"]).Count);
    }

    [Fact]
    public void DamagedFile_FailsWithItsName_AndIsLeftUntouched()
    {
        var garbage = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("这不是数据库文件 not a database ", 800)));
        File.WriteAllBytes(DatabaseFile, garbage);

        using var provider = new LiteDatabaseProvider();
        var error = Assert.Throws<StorageUnavailableException>(() => provider.GetDatabase(DatabaseFile));

        Assert.Contains(Path.GetFullPath(DatabaseFile), error.Message);
        Assert.Equal(garbage, File.ReadAllBytes(DatabaseFile));
    }

    [Fact]
    public async Task LockedFile_FailsWithItsName_AndKeepsTheData()
    {
        using (var provider = new LiteDatabaseProvider())
        {
            var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);
            await storage.WriteAsync(new Dictionary<string, object> { ["keep"] = new CounterItem { Count = 5 } });
        }

        var before = File.ReadAllBytes(DatabaseFile);
        using (new FileStream(DatabaseFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            using var provider = new LiteDatabaseProvider();
            var error = Assert.Throws<StorageUnavailableException>(() => provider.GetDatabase(DatabaseFile));
            Assert.Contains(Path.GetFullPath(DatabaseFile), error.Message);
        }

        Assert.Equal(before, File.ReadAllBytes(DatabaseFile));
        using var afterUnlock = new LiteDatabaseProvider();
        var reopened = new LiteDbStorage(afterUnlock.GetDatabase(DatabaseFile), DatabaseFile);
        Assert.Equal(5, ((CounterItem)(await reopened.ReadAsync(["keep"]))["keep"]).Count);
    }

    [Fact]
    public async Task MissingFolder_IsCreated()
    {
        var nested = Path.Combine(folder.Path, "a", "b", "bot.db");
        using var provider = new LiteDatabaseProvider();

        var storage = new LiteDbStorage(provider.GetDatabase(nested), nested);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem() });

        Assert.True(File.Exists(nested));
    }

    [Fact]
    public async Task VeryLongKeys_AreStoredAndReadBack()
    {
        using var provider = new LiteDatabaseProvider();
        var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);
        var longKey = "msteams/conversations/" + new string('长', 900);

        await storage.WriteAsync(new Dictionary<string, object> { [longKey] = new CounterItem { Count = 3 } });

        Assert.Equal(3, ((CounterItem)(await storage.ReadAsync([longKey]))[longKey]).Count);
    }

    [Theory]
    [InlineData(LiteDB.ConnectionType.Shared)]
    [InlineData(LiteDB.ConnectionType.Direct)]
    public async Task KeysThatDifferOnlyInCase_AreDifferentItems(LiteDB.ConnectionType connection)
    {
        using var provider = new LiteDatabaseProvider(connection);
        var storage = new LiteDbStorage(provider.GetDatabase(DatabaseFile), DatabaseFile);

        // Direct Line and Teams conversation ids are case-sensitive.
        await storage.WriteAsync(new Dictionary<string, object> { ["directline/conversations/AbC1"] = new CounterItem { Count = 1, Note = "大写" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["directline/conversations/abc1"] = new CounterItem { Count = 2, Note = "小写" } });

        var items = await storage.ReadAsync(["directline/conversations/AbC1", "directline/conversations/abc1"]);
        Assert.Equal("大写", ((CounterItem)items["directline/conversations/AbC1"]).Note);
        Assert.Equal("小写", ((CounterItem)items["directline/conversations/abc1"]).Note);
    }

    [Fact]
    public async Task AFileMadeWithLiteDbsDefaultCollation_IsRebuiltOnce_AndKeepsItsData()
    {
        using (var old = new LiteDB.LiteDatabase(DatabaseFile))
        {
            old.GetCollection(LiteDbStorage.CollectionName).Insert(new LiteDB.BsonDocument
            {
                ["_id"] = "console/conversations/c1",
                ["key"] = "console/conversations/c1",
                ["json"] = """{"$type":"WeComHelpBot.Tests.Storage.CounterItem, WeComHelpBot.Tests","Count":7,"Note":"旧文件"}""",
                ["etag"] = "e1",
            });
            Assert.Equal("/IgnoreCase", old.Pragma("COLLATION").AsString);
        }

        using var provider = new LiteDatabaseProvider();
        var database = provider.GetDatabase(DatabaseFile);
        var storage = new LiteDbStorage(database, DatabaseFile);

        Assert.True(LiteDatabaseProvider.IsOrdinal(database));
        var item = (CounterItem)(await storage.ReadAsync(["console/conversations/c1"]))["console/conversations/c1"];
        Assert.Equal((7, "旧文件"), (item.Count, item.Note));
        await storage.WriteAsync(new Dictionary<string, object> { ["console/conversations/C1"] = new CounterItem { Count = 8 } });
        Assert.Equal(7, ((CounterItem)(await storage.ReadAsync(["console/conversations/c1"]))["console/conversations/c1"]).Count);
    }
}
