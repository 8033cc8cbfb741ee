using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComApiClientTests
{
    private const string Secret = "s3cr3t-app-secret";

    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
    private readonly CapturingLogger<WeComApiClient> logger = new();
    private int tokensIssued;
    private readonly Queue<int> sendErrors = new();

    private FakeHttpHandler Handler() => new((request, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/cgi-bin/gettoken")
        {
            var n = Interlocked.Increment(ref tokensIssued);
            return $$"""{"errcode":0,"errmsg":"ok","access_token":"TOKEN{{n}}","expires_in":7200}""";
        }

        var errcode = sendErrors.Count > 0 ? sendErrors.Dequeue() : 0;
        return $$"""{"errcode":{{errcode}},"errmsg":"e"}""";
    });

    private WeComApiClient Client(FakeHttpHandler handler) => new(
        new HttpClient(handler),
        Options.Create(new WeComOptions { CorpId = "ww1", Secret = Secret, AgentId = 1000002, ApiBaseUrl = "http://wecom.test/" }),
        time,
        logger);

    [Fact]
    public async Task SendTextAsync_PostsTheDocumentedBody_WithACachedToken()
    {
        var handler = Handler();
        var client = Client(handler);

        await client.SendTextAsync("zhangsan", "您好");
        await client.SendTextAsync("lisi", "再见");

        var requests = handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal($"/cgi-bin/gettoken?corpid=ww1&corpsecret={Secret}", requests[0].PathAndQuery);
        Assert.Equal("/cgi-bin/message/send?access_token=TOKEN1", requests[1].PathAndQuery);
        Assert.Equal("/cgi-bin/message/send?access_token=TOKEN1", requests[2].PathAndQuery);
        using var body = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("zhangsan", body.RootElement.GetProperty("touser").GetString());
        Assert.Equal("text", body.RootElement.GetProperty("msgtype").GetString());
        Assert.Equal(1000002, body.RootElement.GetProperty("agentid").GetInt32());
        Assert.Equal("您好", body.RootElement.GetProperty("text").GetProperty("content").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("safe").GetInt32());
    }

    [Fact]
    public async Task SendTextAsync_RenewsTheTokenFiveMinutesBeforeItExpires()
    {
        var handler = Handler();
        var client = Client(handler);
        await client.SendTextAsync("u", "1");

        time.Advance(TimeSpan.FromSeconds(7200 - 301));
        await client.SendTextAsync("u", "2");
        Assert.Equal(1, tokensIssued);

        time.Advance(TimeSpan.FromSeconds(2));
        await client.SendTextAsync("u", "3");
        Assert.Equal(2, tokensIssued);
        Assert.EndsWith("access_token=TOKEN2", handler.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task SendTextAsync_RenewsTheTokenAndRetriesOnce_WhenWeComRejectsIt(int errcode)
    {
        var handler = Handler();
        var client = Client(handler);
        sendErrors.Enqueue(errcode);

        await client.SendTextAsync("u", "hi");

        Assert.Equal(2, tokensIssued);
        Assert.Equal(
            ["/cgi-bin/gettoken", "/cgi-bin/message/send", "/cgi-bin/gettoken", "/cgi-bin/message/send"],
            handler.Requests.Select(r => r.PathAndQuery.Split('?')[0]));
        Assert.EndsWith("access_token=TOKEN2", handler.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTextAsync_ReportsOtherErrors_WithoutRetrying()
    {
        var client = Client(Handler());
        sendErrors.Enqueue(81013);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => client.SendTextAsync("nobody", "hi"));

        Assert.Equal(81013, error.ErrorCode);
        Assert.Equal(1, tokensIssued);
    }

    [Fact]
    public async Task GetAccessTokenAsync_FetchesOnce_WhenManyCallersNeedATokenAtOnce()
    {
        var client = Client(Handler());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAccessTokenAsync(null, CancellationToken.None)));

        Assert.Equal(1, tokensIssued);
    }

    [Fact]
    public async Task Logs_NeverContainTheSecretOrAToken()
    {
        var client = Client(Handler());
        sendErrors.Enqueue(42001);

        await client.SendTextAsync("u", "hi");

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line =>
        {
            Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
            Assert.DoesNotContain("TOKEN", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SendTextAsync_RefusesWithoutSecretOrAgentId()
    {
        var client = new WeComApiClient(new HttpClient(Handler()), Options.Create(new WeComOptions { CorpId = "ww1" }), time, logger);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendTextAsync("u", "hi"));
    }
}
