using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>The WeCom callback over HTTP, with message/send going to a fake WeCom API on a local port.</summary>
public sealed class WeComCallbackEndpointTests : IAsyncLifetime
{
    private readonly ProbeMessageHandler probe = new();
    private FakeWeComApiServer api = null!;
    private HelpBotServerFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        api = await FakeWeComApiServer.StartAsync();
        factory = new HelpBotServerFactory()
            .WithSetting("WeCom:ApiBaseUrl", api.BaseUrl)
            // Long enough for a first (cold) knowledge turn under load; the slow probe turns outlast it whatever it is.
            .WithSetting("WeCom:ReplyTimeout", "00:00:04")
            .WithServices(s => s.AddSingleton<IMessageHandler>(probe));
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        probe.ReleaseSlowTurns();
        await factory.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Get_VerifiesTheUrl_AnsweringThePlaintextOnly()
    {
        var timestamp = WeComRequests.Now().ToString(CultureInfo.InvariantCulture);
        var echo = WeComRequests.Crypto.Encrypt("8723691243");
        var signature = WeComRequests.Crypto.ComputeSignature(timestamp, "42", echo);

        var response = await client.GetAsync($"/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce=42&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8723691243", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Get_WithAForgedSignature_Gets403()
    {
        var timestamp = WeComRequests.Now().ToString(CultureInfo.InvariantCulture);
        var echo = Uri.EscapeDataString(WeComRequests.Crypto.Encrypt("1"));

        var response = await client.GetAsync($"/wecom/callback?msg_signature=0123456789012345678901234567890123456789&timestamp={timestamp}&nonce=42&echostr={echo}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_TextMessage_GetsAnEncryptedPassiveReply()
    {
        var response = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.TextXml("zhangsan", "9000000000000000001", ProbeMessageHandler.AskForChoices)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = WeComRequests.DecryptReply(await response.Content.ReadAsStringAsync());
        Assert.Equal("zhangsan", reply.ToUserName);
        Assert.Equal(HelpBotServerFactory.CorpId, reply.FromUserName);
        Assert.Equal("text", reply.MsgType);
        // No buttons in WeCom: the choices arrive numbered in the text.
        Assert.Equal("请选择主体类型：\n(1) 个体户　(2) 有限公司", reply.Content);
    }

    [Fact]
    public async Task Post_EnterAgent_GetsTheWelcome()
    {
        var response = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.EnterAgentXml("lisi", WeComRequests.Now())));

        var reply = WeComRequests.DecryptReply(await response.Content.ReadAsStringAsync());
        Assert.Equal(BotTexts.Welcome, reply.Content);
    }

    [Fact]
    public async Task Post_ForgedSignature_Gets403()
    {
        var encrypt = WeComRequests.Crypto.Encrypt(WeComRequests.TextXml("zhangsan", "9000000000000000002", "你好"));

        var response = await client.SendAsync(WeComRequests.Post(encrypt, signature: "da39a3ee5e6b4b0d3255bfef95601890afd80709"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongCorpId_Gets403()
    {
        var encrypt = WeComRequests.Crypto.Encrypt(WeComRequests.TextXml("zhangsan", "9000000000000000003", "你好"));

        var response = await client.SendAsync(WeComRequests.Post(encrypt, corpId: "ww0000000000000000"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_ReplayedWithAnOldTimestamp_Gets403()
    {
        var encrypt = WeComRequests.Crypto.Encrypt(WeComRequests.TextXml("zhangsan", "9000000000000000004", "你好"));
        var old = (WeComRequests.Now() - 3600).ToString(CultureInfo.InvariantCulture);

        var response = await client.SendAsync(WeComRequests.Post(encrypt, timestamp: old));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_Gets413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wecom/callback?msg_signature=x&timestamp=1&nonce=1")
        {
            Content = new ByteArrayContent(new byte[200_000]),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<xml><ToUserName>ww1436e0e65a779aee</ToUserName></xml>")]
    public async Task Post_MalformedBody_Gets400(string body)
    {
        var timestamp = WeComRequests.Now().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature=x&timestamp={timestamp}&nonce=1")
        {
            Content = new StringContent(body, Encoding.UTF8, "text/xml"),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_DuplicateMsgId_IsAnsweredOnce()
    {
        var xml = WeComRequests.TextXml("wangwu", "9000000000000000005", ProbeMessageHandler.SlowQuestion);
        probe.ReleaseSlowTurns();
        var encrypt = WeComRequests.Crypto.Encrypt(xml);

        var first = await client.SendAsync(WeComRequests.Post(encrypt));
        var retry = await client.SendAsync(WeComRequests.Post(encrypt, nonce: "99"));

        Assert.Equal(ProbeMessageHandler.SlowAnswer, WeComRequests.DecryptReply(await first.Content.ReadAsStringAsync()).Content);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(string.Empty, await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, probe.SlowTurns);
    }

    [Fact]
    public async Task Post_SlowTurn_AnswersEmptyThenSendsThroughMessageSend_WithACachedToken()
    {
        var first = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.TextXml("zhaoliu", "9000000000000000006", ProbeMessageHandler.SlowQuestion)));
        var second = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.TextXml("sunqi", "9000000000000000007", ProbeMessageHandler.SlowQuestion)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(string.Empty, await first.Content.ReadAsStringAsync());
        Assert.Equal(string.Empty, await second.Content.ReadAsStringAsync());
        Assert.Empty(api.Sent);

        probe.ReleaseSlowTurns();
        var sent = await api.WaitForSentAsync(2, TimeSpan.FromSeconds(15));

        Assert.Equal(2, sent.Count);
        Assert.Equal(["sunqi", "zhaoliu"], sent.Select(m => m.GetProperty("touser").GetString()).Order());
        Assert.All(sent, m =>
        {
            Assert.Equal("text", m.GetProperty("msgtype").GetString());
            Assert.Equal(HelpBotServerFactory.AgentId, m.GetProperty("agentid").GetInt32());
            Assert.Equal(ProbeMessageHandler.SlowAnswer, m.GetProperty("text").GetProperty("content").GetString());
        });
        Assert.Equal(1, api.TokensIssued);
    }

    [Fact]
    public async Task Post_SlowTurn_RenewsAnExpiredTokenAndStillDelivers()
    {
        var response = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.TextXml("zhouba", "9000000000000000008", ProbeMessageHandler.SlowQuestion)));
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        api.RejectNextSendWith(42001);

        probe.ReleaseSlowTurns();
        var sent = await api.WaitForSentAsync(1, TimeSpan.FromSeconds(15));

        Assert.Equal("zhouba", Assert.Single(sent).GetProperty("touser").GetString());
        Assert.Equal(2, api.TokensIssued);
    }
}
