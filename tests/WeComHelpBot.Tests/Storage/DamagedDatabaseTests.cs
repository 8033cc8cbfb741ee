using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

/// <summary>A damaged database file is refused with its name and never written; a sound one, with or without a log, opens.</summary>
public sealed class DamagedDatabaseTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(DatabaseDamage.KindData), MemberType = typeof(DatabaseDamage))]
    public async Task DamagedFile_IsRefusedNamingIt_AndNoByteChanges(string kind)
    {
        var file = await DatabaseDamage.MakeAsync(folder.Path);
        DatabaseDamage.Apply(file, kind);
        var before = DatabaseDamage.Fingerprint(folder.Path);

        using var provider = new LiteDatabaseProvider();
        var error = Assert.Throws<StorageUnavailableException>(() => provider.GetDatabase(file));

        Assert.Contains(Path.GetFullPath(file), error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, DatabaseDamage.Fingerprint(folder.Path));
    }

    [Theory]
    [InlineData(LiteDB.ConnectionType.Shared)]
    [InlineData(LiteDB.ConnectionType.Direct)]
    public async Task FlippedTicketsNameInTheHeader_IsRefused_InsteadOfListingNoTickets(LiteDB.ConnectionType connection)
    {
        // The reported incident: `tickets list` said 没有工单 and then wrote a new, empty tickets collection.
        var file = await DatabaseDamage.MakeAsync(folder.Path);
        DatabaseDamage.Apply(file, "header-collection-name");
        var before = DatabaseDamage.Fingerprint(folder.Path);
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<StorageOptions>(o => o.Connection = connection);
        services.AddBotStorage(new BotPaths { DataDirectory = folder.Path });
        services.AddSupport(new BotPaths { DataDirectory = folder.Path });

        await using (var provider = services.BuildServiceProvider())
        {
            var error = Assert.Throws<StorageUnavailableException>(() => provider.GetRequiredService<TicketService>());
            Assert.Equal(Path.GetFullPath(file), error.FilePath);
        }

        Assert.Equal(before, DatabaseDamage.Fingerprint(folder.Path));
    }

    [Fact]
    public async Task RandomFlipsInDataPages_AreRefusedOrReadCleanly_NeverAnotherException()
    {
        // LiteDB 5 has no checksums: a flip inside a stored text is text. Every other flip must be refused.
        var made = await DatabaseDamage.MakeAsync(folder.Path);
        var original = await File.ReadAllBytesAsync(made);
        var refused = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            var bytes = (byte[])original.Clone();
            var random = new Random(seed);
            var dataPages = Enumerable.Range(1, bytes.Length / DatabaseDamage.PageSize - 1).Where(p => bytes[p * DatabaseDamage.PageSize + 4] == 4).ToList();
            for (var i = 0; i < 16; i++)
            {
                var page = dataPages[random.Next(dataPages.Count)];
                bytes[page * DatabaseDamage.PageSize + random.Next(DatabaseDamage.PageSize)] ^= (byte)(1 << random.Next(8));
            }

            var file = folder.File($"flipped-{seed}.db");
            await File.WriteAllBytesAsync(file, bytes);
            using var provider = new LiteDatabaseProvider();
            try
            {
                provider.GetDatabase(file);
            }
            catch (StorageUnavailableException)
            {
                refused++;
                Assert.Equal(bytes, await File.ReadAllBytesAsync(file));
            }
        }

        Assert.True(refused >= 6, $"only {refused} of 12 files with 16 flipped bytes each were refused");
    }

    [Fact]
    public void ZeroLengthFile_IsNotTurnedIntoANewDatabase()
    {
        var file = folder.File("wecomhelpbot.db");
        File.WriteAllBytes(file, []);

        using var provider = new LiteDatabaseProvider();
        var error = Assert.Throws<StorageUnavailableException>(() => provider.GetDatabase(file));

        Assert.Contains("0 字节", error.Message);
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Fact]
    public void LogWithoutItsDatabase_IsRefused_AndKept()
    {
        var file = folder.File("wecomhelpbot.db");
        var log = LiteDbFileCheck.LogFile(file);
        var bytes = new byte[DatabaseDamage.PageSize];
        bytes[0] = 1;
        File.WriteAllBytes(log, bytes);

        using var provider = new LiteDatabaseProvider();
        Assert.Throws<StorageUnavailableException>(() => provider.GetDatabase(file));

        Assert.False(File.Exists(file));
        Assert.Equal(bytes, File.ReadAllBytes(log));
    }

    [Fact]
    public async Task ATornLog_IsRefused_AndBothFilesKept()
    {
        var (file, log) = await MakeWithPendingLogAsync();
        await using (var stream = new FileStream(log, FileMode.Open))
        {
            stream.SetLength(stream.Length - 100);
        }

        var before = DatabaseDamage.Fingerprint(folder.Path);
        using var provider = new LiteDatabaseProvider();
        var error = Assert.Throws<StorageUnavailableException>(() => provider.GetDatabase(file));

        Assert.Contains("日志", error.Message);
        Assert.Equal(before, DatabaseDamage.Fingerprint(folder.Path));
    }

    [Fact]
    public async Task ASoundFileWithAPendingLog_Opens_WithEveryWrite()
    {
        // What a process killed before its last checkpoint leaves: the check must not call it damaged.
        var (file, log) = await MakeWithPendingLogAsync();
        Assert.True(new FileInfo(log).Length > 0);

        Assert.Null(LiteDbFileCheck.FindProblem(file));
        using var provider = new LiteDatabaseProvider();
        var storage = new LiteDbStorage(provider.GetDatabase(file), file);
        Assert.Equal(41, ((CounterItem)(await storage.ReadAsync(["k40"]))["k40"]).Count);
    }

    [Fact]
    public async Task ASoundFile_PassesTheCheck_AfterManyWritesAndDeletes()
    {
        var file = await DatabaseDamage.MakeAsync(folder.Path);
        using (var provider = new LiteDatabaseProvider())
        {
            var storage = new LiteDbStorage(provider.GetDatabase(file), file);
            for (var i = 0; i < 300; i++)
            {
                await storage.WriteAsync(new Dictionary<string, object> { [$"k{i}"] = new CounterItem { Count = i, Note = new string('长', i * 7) } });
            }

            await storage.DeleteAsync([.. Enumerable.Range(0, 300).Where(i => i % 3 == 0).Select(i => $"k{i}")]);
        }

        Assert.Null(LiteDbFileCheck.FindProblem(Path.GetFullPath(file)));
    }

    [Fact]
    public async Task EveryCollectionTheBotMakes_IsKnownToTheCheck()
    {
        // The check refuses a name one flipped byte away from a known one; a collection missing here is not protected.
        var paths = new BotPaths { DataDirectory = folder.Path };
        var services = new ServiceCollection();
        services.AddWeComHelpBot(paths);
        services.AddWeComChannel();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<TicketService>().CreateAsync(new TicketRequest("c", "13812345678", "公司", "问题", "说明"));
        await provider.GetRequiredService<WeComMessageIdStore>().TryRegisterAsync("msg:1");
        await provider.GetRequiredService<StorageHealth>().CheckAsync();
        await provider.GetRequiredService<Microsoft.Bot.Builder.IStorage>().WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem() });
        provider.GetRequiredService<SupportAnalytics>();
        provider.GetRequiredService<TranscriptStore>();

        var names = provider.GetRequiredService<LiteDatabase>().GetCollectionNames().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, LiteDbPageCheck.KnownCollections));
    }

    /// <summary>A database and its log as a process leaves them when it stops before its last checkpoint.</summary>
    private async Task<(string File, string Log)> MakeWithPendingLogAsync()
    {
        var live = folder.File("live.db");
        var file = folder.File("copy.db");
        using var provider = new LiteDatabaseProvider(LiteDB.ConnectionType.Direct);
        var database = provider.GetDatabase(live);
        var storage = new LiteDbStorage(database, live);
        for (var i = 0; i < 50; i++)
        {
            await storage.WriteAsync(new Dictionary<string, object> { [$"k{i}"] = new CounterItem { Count = i + 1 } });
        }

        // Direct mode keeps the log until close; copy both as a crash would leave them.
        File.Copy(live, file);
        File.Copy(LiteDbFileCheck.LogFile(live), LiteDbFileCheck.LogFile(file));
        return (file, LiteDbFileCheck.LogFile(file));
    }
}
