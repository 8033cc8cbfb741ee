using System.Globalization;
using System.Net;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// A captured WeCom callback stays valid for minutes (signature and timestamp); replayed after the server restarts on
/// the same database, it must not be answered again.
/// </summary>
public sealed class WeComReplayAfterRestartTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("wecomhelpbot-replay-").FullName;

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

    [Fact]
    public async Task AMessageReplayedAfterARestart_GetsNoSecondAnswer()
    {
        var encrypt = WeComRequests.Crypto.Encrypt(WeComRequests.TextXml("zhangsan", "9000000000000000777", "个体户最多能加几个人"));
        var timestamp = WeComRequests.Now().ToString(CultureInfo.InvariantCulture);

        var first = await PostToAFreshServerAsync(encrypt, timestamp);
        var replayed = await PostToAFreshServerAsync(encrypt, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(string.IsNullOrEmpty(WeComRequests.DecryptReply(first.Body).Content));
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.DoesNotContain("<Encrypt>", replayed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherMessageAfterARestart_IsAnswered()
    {
        var timestamp = WeComRequests.Now().ToString(CultureInfo.InvariantCulture);
        await PostToAFreshServerAsync(WeComRequests.Crypto.Encrypt(WeComRequests.TextXml("zhangsan", "9000000000000000778", "你好")), timestamp);

        var next = await PostToAFreshServerAsync(WeComRequests.Crypto.Encrypt(WeComRequests.TextXml("zhangsan", "9000000000000000779", "你好")), timestamp);

        Assert.False(string.IsNullOrEmpty(WeComRequests.DecryptReply(next.Body).Content));
    }

    /// <summary>One server lifetime on the shared data folder: start, one request, stop.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostToAFreshServerAsync(string encrypt, string timestamp)
    {
        var (factory, client) = HelpBotServerFactory.StartRestarted(() => new HelpBotServerFactory()
            .WithSetting("Storage:Directory", data)
            .WithSetting("WeCom:ReplyTimeout", "00:00:30"));
        await using var stopped = factory;
        using var disposed = client;
        var response = await client.SendAsync(WeComRequests.Post(encrypt, timestamp));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
