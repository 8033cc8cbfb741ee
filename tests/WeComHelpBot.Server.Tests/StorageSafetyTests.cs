using System.Net;
using System.Text;
using LiteDB;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// The server and its database file, from the outside: a damaged file or a broken flow stops it with one line and exit
/// code 2; /healthz tells when storage fails under it; SIGTERM ends it within 10 s even with a turn stuck in storage.
/// </summary>
public sealed class StorageSafetyTests : IDisposable
{
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    private readonly string data = Directory.CreateTempSubdirectory("wecomhelpbot-storage-safety-").FullName;

    private string DatabaseFile => Path.Combine(data, "wecomhelpbot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Theory]
    [InlineData("header-collection-name")]
    [InlineData("truncated-at-page")]
    [InlineData("truncated-off-page")]
    [InlineData("data-page-slots")]
    [InlineData("zero-length")]
    [InlineData("not-litedb")]
    public async Task DamagedDatabase_StopsTheServer_WithOneLineNamingIt_ExitTwo_FileUntouched(string kind)
    {
        await DatabaseDamage.MakeAsync(data);
        DatabaseDamage.Apply(DatabaseFile, kind);
        var before = DatabaseDamage.Fingerprint(data);

        await using var server = ServerProcess.Start(data);
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the server kept running on a damaged database");

        Assert.Equal(2, server.ExitCode);
        var line = Assert.Single(server.ErrorLines, l => l.Length > 0);
        Assert.Contains(DatabaseFile, line);
        Assert.DoesNotContain(server.ErrorLines.Concat(server.OutputLines), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal(before, DatabaseDamage.Fingerprint(data));
    }

    [Fact]
    public async Task BrokenFlow_StopsTheServer_WithFileAndLine_ExitTwo()
    {
        var dialogs = Directory.CreateTempSubdirectory("wecomhelpbot-broken-dialogs-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "dialogs"), "*.yaml"))
            {
                File.Copy(file, Path.Combine(dialogs, Path.GetFileName(file)));
            }

            var flow = Path.Combine(dialogs, "member-import.yaml");
            await File.WriteAllTextAsync(flow, (await File.ReadAllTextAsync(flow)).Replace("kind: choice", "kind: chioce", StringComparison.Ordinal));

            await using var server = ServerProcess.Start(data, new Dictionary<string, string> { ["Dialogs__Directory"] = dialogs });
            Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the server kept running with a broken flow");

            Assert.Equal(2, server.ExitCode);
            Assert.Contains(server.ErrorLines, l => l.Contains("member-import.yaml:", StringComparison.Ordinal) && l.Contains("chioce", StringComparison.Ordinal));
            Assert.DoesNotContain(server.ErrorLines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dialogs, recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_EndsAnIdleServer_Promptly()
    {
        await using var server = ServerProcess.Start(data);
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)), string.Join('\n', server.ErrorLines));

        var took = await server.TerminateAsync(StopLimit);

        Assert.NotNull(took);
        Assert.Equal(0, server.ExitCode);
    }

    [Fact]
    public async Task Sigterm_EndsTheServer_WithinTenSeconds_WhileATurnIsStuckInStorage()
    {
        // Shared mode, where another process can hold the file's lock (the default Direct mode keeps the file to itself).
        await using var server = ServerProcess.Start(data, new Dictionary<string, string> { ["Storage__Connection"] = "Shared" });
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)), string.Join('\n', server.ErrorLines));

        // Another process holds the file's shared-mode lock (an open transaction), so the server's next storage access waits.
        using var holder = new LiteDatabase(new ConnectionString { Filename = DatabaseFile, Connection = ConnectionType.Shared });
        var locked = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holding = Task.Factory.StartNew(
            () =>
            {
                holder.BeginTrans();
                holder.GetCollection("health").Upsert(new BsonDocument { ["_id"] = "holder" });
                locked.Set();
                release.Wait();
                holder.Rollback();
            },
            TaskCreationOptions.LongRunning);
        locked.Wait(TimeSpan.FromSeconds(30));

        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var turn = client.PostAsync("/api/messages", new StringContent(Activity("你好"), Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(turn.IsCompleted, "the turn was expected to wait for the database");

        var took = await server.TerminateAsync(StopLimit);

        release.Set();
        await holding;
        Assert.True(took is not null, "the server did not end within 10 s of SIGTERM");
    }

    [Fact]
    public async Task Healthz_Answers503_WhenTheFileIsDamagedOrRemoved_UnderARunningServer()
    {
        await using var factory = new HelpBotServerFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var file = Path.Combine(factory.DataDirectory, "wecomhelpbot.db");

        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Write(new byte[64]);
        }

        await Task.Delay(1100);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);

        File.Delete(file);
        await Task.Delay(1100);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Healthz_Answers503_WhenTheFileWasReplacedByANewEmptyOne()
    {
        // LiteDB's shared mode makes a new file where a removed one was; the health check must not call that healthy.
        await using var factory = new HelpBotServerFactory().WithSetting("Storage:Connection", "Shared");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var file = Path.Combine(factory.DataDirectory, "wecomhelpbot.db");

        File.Delete(file);
        await client.PostAsync("/api/messages", new StringContent(Activity("你好"), Encoding.UTF8, "application/json"));
        Assert.True(File.Exists(file));
        await Task.Delay(1100);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static string Activity(string text) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["id"] = "act-1",
        ["channelId"] = "emulator",
        ["conversation"] = new { id = "storage-safety" },
        ["from"] = new { id = "user-1", name = "张三" },
        ["recipient"] = new { id = "bot-1", name = "bot" },
        ["text"] = text,
        ["locale"] = "zh-CN",
        ["deliveryMode"] = "expectReplies",
    });
}
