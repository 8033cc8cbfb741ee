using System.Diagnostics;
using System.Text;
using Microsoft.Bot.Schema;
using WeComHelpBot.Members;
using WeComHelpBot.Support;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Members;

/// <summary>Where a member file's bytes may come from: inline or data: URLs, listed download hosts within limits, never the local disk.</summary>
[Collection(AllocationMeasuringCollection.Name)]
public sealed class MemberFileAttachmentReaderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly LoopbackFileServer server = new();

    public void Dispose()
    {
        server.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task LocalPathsAndFileUrls_AreNeverRead()
    {
        var path = folder.File("成员.csv");
        await File.WriteAllTextAsync(path, LoopbackFileServer.OkCsv);
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { DownloadHosts = ["127.0.0.1"] });

        foreach (var url in new[] { path, new Uri(path).AbsoluteUri, "file:///etc/passwd", "/dev/zero", "\\\\server\\share\\a.csv", "ftp://127.0.0.1/a.csv" })
        {
            var error = await Assert.ThrowsAsync<MemberFileReadException>(() => reader.ReadAsync(new Attachment("text/csv", url), "成员.csv"));
            Assert.Contains(SupportTexts.MemberFileLocalPath, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LinkToAHostNotListed_IsNotDownloaded()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions());

        var bytes = await reader.ReadAsync(new Attachment("text/csv", server.Url("/ok.csv")), "ok.csv");

        Assert.Null(bytes);
        Assert.Equal(0, server.Connections);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:{port}")]
    public async Task LinkToAListedHost_IsDownloaded(string entry)
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { DownloadHosts = [entry.Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)] });

        var bytes = await reader.ReadAsync(new Attachment("text/csv", server.Url("/ok.csv")), "ok.csv");

        Assert.Equal(LoopbackFileServer.OkCsv, Encoding.UTF8.GetString(bytes!));
    }

    [Fact]
    public async Task ListedHostWithAnotherPort_IsNotDownloaded()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { DownloadHosts = ["127.0.0.1:1"] });

        Assert.Null(await reader.ReadAsync(new Attachment("text/csv", server.Url("/ok.csv")), "ok.csv"));
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task EndlessDownload_IsCutAtTheByteLimit()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { DownloadHosts = ["127.0.0.1"] });
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => reader.ReadAsync(new Attachment("text/csv", server.Url("/endless.csv")), "endless.csv"));

        Assert.Contains("文件超过 2 MB", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 16_000_000);
    }

    [Fact]
    public async Task DownloadThatNeverAnswers_StopsAtTheTimeLimit()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { DownloadHosts = ["127.0.0.1"], DownloadTimeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => reader.ReadAsync(new Attachment("text/csv", server.Url("/silent.csv")), "silent.csv"));

        Assert.Contains("下载超过 1 秒没有完成", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Redirect_IsNotFollowed()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { DownloadHosts = ["127.0.0.1"] });

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => reader.ReadAsync(new Attachment("text/csv", server.Url("/redirect.csv")), "r.csv"));

        Assert.Contains("HTTP 302", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task InlineContentOverTheLimit_IsRefusedBeforeDecoding()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions { MaxFileBytes = 1024 });
        var base64 = Convert.ToBase64String(new byte[2048]);

        foreach (var attachment in new[]
        {
            new Attachment("text/csv", content: base64),
            new Attachment("text/csv", "data:text/csv;base64," + base64),
            new Attachment("text/csv", content: new byte[2048]),
        })
        {
            var error = await Assert.ThrowsAsync<MemberFileReadException>(() => reader.ReadAsync(attachment, "big.csv"));
            Assert.Contains("文件超过 1 KB", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DataUrl_UnderTheLimit_IsRead()
    {
        using var reader = new MemberFileAttachmentReader(new MemberFileOptions());
        var url = "data:text/csv;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(LoopbackFileServer.OkCsv));

        var bytes = await reader.ReadAsync(new Attachment("text/csv", url), "ok.csv");

        Assert.Equal(LoopbackFileServer.OkCsv, Encoding.UTF8.GetString(bytes!));
    }
}
