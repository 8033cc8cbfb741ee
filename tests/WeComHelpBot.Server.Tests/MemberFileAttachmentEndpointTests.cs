using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using WeComHelpBot.Privacy;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Member files sent to POST /api/messages as an attacker would send them: local paths and file: URLs in the channels
/// that used to read them, endless and silent downloads, and an 80,000-row sheet. Nothing local is read, downloads
/// stop at their limits, and the reply and the transcript stay small.
/// </summary>
public sealed class MemberFileAttachmentEndpointTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wecomhelp-member-files-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("emulator", "file")]
    [InlineData("emulator", "path")]
    [InlineData("test", "file")]
    [InlineData("console", "path")]
    public async Task LocalFileAttachment_IsNeverRead(string channel, string form)
    {
        // A file that would give a recognizable report (a duplicate phone) if it were opened.
        var path = Path.Combine(folder, "成员.csv");
        await File.WriteAllTextAsync(path, "姓名,手机,部门\n张三,13812345678,销售部\n李四,13812345678,财务部\n");
        using var server = new HelpBotServerFactory();

        var reply = await SendAsync(server, channel, new { contentType = "text/csv", contentUrl = form == "file" ? new Uri(path).AbsoluteUri : path, name = "成员.csv" });

        Assert.Contains(SupportTexts.MemberFileLocalPath, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("重复", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/shadow")]
    [InlineData("/dev/zero")]
    public async Task SystemFiles_AreRefusedQuickly(string url)
    {
        using var server = new HelpBotServerFactory();
        var clock = Stopwatch.StartNew();

        var reply = await SendAsync(server, "emulator", new { contentType = "text/csv", contentUrl = url, name = "members.csv" });

        Assert.Contains(SupportTexts.MemberFileLocalPath, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("成员文件检查", reply, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
    }

    [Fact]
    public async Task EndlessDownload_IsCutAtTheByteLimit()
    {
        await using var files = await StartFileServerAsync();
        using var server = new HelpBotServerFactory().WithSetting("Support:MemberFiles:DownloadHosts:0", "127.0.0.1");

        var reply = await SendAsync(server, "emulator", new { contentType = "text/csv", contentUrl = $"{files.Urls.First()}/endless.csv", name = "members.csv" });

        Assert.Contains("文件超过 2 MB", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadThatNeverAnswers_StopsAtTheTimeLimit()
    {
        await using var files = await StartFileServerAsync();
        using var server = new HelpBotServerFactory()
            .WithSetting("Support:MemberFiles:DownloadHosts:0", "127.0.0.1")
            .WithSetting("Support:MemberFiles:DownloadTimeout", "00:00:01");

        var reply = await SendAsync(server, "emulator", new { contentType = "text/csv", contentUrl = $"{files.Urls.First()}/silent.csv", name = "members.csv" });

        Assert.Contains("下载超过 1 秒没有完成", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkToAnUnlistedHost_IsNotFetched()
    {
        await using var files = await StartFileServerAsync();
        using var server = new HelpBotServerFactory();

        var reply = await SendAsync(server, "emulator", new { contentType = "text/csv", contentUrl = $"{files.Urls.First()}/endless.csv", name = "members.csv" });

        Assert.Equal(SupportTexts.MemberFileRemote, reply);
        Assert.Equal(0, files.Services.GetRequiredService<RequestCounter>().Count);
    }

    [Fact]
    public async Task Xlsx_Of80000Rows_GetsABoundedReply_AndASmallTranscript()
    {
        var path = Path.Combine(folder, "rows.xlsx");
        MiniExcel.SaveAs(path, Enumerable.Range(0, 80_000).Select(_ => new Dictionary<string, object?> { ["姓名"] = string.Empty, ["手机"] = "1", ["部门"] = string.Empty }));
        var bytes = WithoutCellReferences(path);
        Assert.True(bytes.Length < 100_000, $"{bytes.Length} bytes");
        var url = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + Convert.ToBase64String(bytes);
        using var server = new HelpBotServerFactory();

        var reply = await SendAsync(server, "emulator", new { contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", contentUrl = url, name = "rows.xlsx" });

        Assert.True(reply.Length <= 4_000, $"{reply.Length} characters");
        Assert.Contains("只检查了前 20000 行", reply, StringComparison.Ordinal);
        Assert.Contains("个问题没有列出", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("\n21. ", reply, StringComparison.Ordinal);
        var stored = server.Services.GetRequiredService<LiteDatabase>().GetCollection(LiteDbTranscriptStore.CollectionName).FindAll()
            .SelectMany(LiteDbTranscriptStore.EntriesOf).Sum(line => line.Text.Length);
        Assert.True(stored < 1_000, $"{stored} characters in the transcript");
    }

    /// <summary>
    /// The sheet without row and cell references (they are optional), so its 80,000 identical rows zip to a few KB, as
    /// the file in the report was: small enough for one request body.
    /// </summary>
    private static byte[] WithoutCellReferences(string path)
    {
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            writer.Write(Regex.Replace(xml, " r=\"[A-Z]*[0-9]+\"", string.Empty));
        }

        return File.ReadAllBytes(path);
    }

    private static async Task<string> SendAsync(HelpBotServerFactory server, string channel, object attachment)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = "act-1",
            ["channelId"] = channel,
            ["conversation"] = new { id = $"files-{Guid.NewGuid():N}" },
            ["from"] = new { id = "user-1" },
            ["recipient"] = new { id = "bot-1" },
            ["locale"] = "zh-CN",
            ["deliveryMode"] = "expectReplies",
            ["attachments"] = new[] { attachment },
        });
        var response = await server.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("\n", body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    /// <summary>A real HTTP server on 127.0.0.1: /endless.csv streams for ever (stopped after 64 MB), /silent.csv never answers.</summary>
    private static async Task<WebApplication> StartFileServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<RequestCounter>();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<RequestCounter>().Increment();
            return next(context);
        });
        app.MapGet("/endless.csv", async (HttpContext context) =>
        {
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("张三,13812345678,销售部\n", 2048)));
            for (long sent = 0; sent < 64L * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        app.MapGet("/silent.csv", (HttpContext context) => Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted));
        await app.StartAsync();
        return app;
    }

    private sealed class RequestCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Increment() => Interlocked.Increment(ref count);
    }
}
