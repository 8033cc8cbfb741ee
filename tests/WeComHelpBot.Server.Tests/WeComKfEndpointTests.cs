using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// 微信客服 end to end: kf_msg_or_event callbacks encrypted as WeCom sends them, the server reading kf/sync_msg and
/// answering through kf/send_msg on a fake WeCom API.
/// </summary>
public sealed class WeComKfEndpointTests : IAsyncLifetime
{
    private const string Customer = "wmAJ2GCAAAZSfhHCt7IFSvLKtMPxyJJJ";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wecomhelpbot-kf-tests", Guid.NewGuid().ToString("N"));
    private FakeWeComKfServer api = null!;
    private HelpBotServerFactory factory = null!;
    private HttpClient client = null!;
    private int events;

    public async Task InitializeAsync()
    {
        api = await FakeWeComKfServer.StartAsync();
        (factory, client) = StartServer();
    }

    public async Task DisposeAsync()
    {
        await StopServerAsync();
        await api.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on the way down: the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task CustomerText_IsReadBySyncMsg_AndAnsweredBySendMsg()
    {
        api.AddCustomerText(Customer, "注册企业微信要准备啥材料");

        await NotifyAsync();
        var sent = await api.WaitForAsync("kf/send_msg", 1);

        var reply = Assert.Single(sent);
        Assert.Equal(Customer, (string?)reply["touser"]);
        Assert.Equal(FakeWeComKfServer.OpenKfId, (string?)reply["open_kfid"]);
        Assert.False(string.IsNullOrWhiteSpace(TextOf(reply)));
        var sync = api.CallsTo("kf/sync_msg")[0];
        Assert.StartsWith(FakeWeComKfServer.EventToken, (string?)sync["token"]);
        Assert.Equal(string.Empty, (string?)sync["cursor"]);
    }

    [Fact]
    public async Task KfEvent_EncryptedByWeComCrypto_IsAccepted()
    {
        WeComCryptoPeer.RequireInstalled();
        api.AddCustomerText(Customer, "你好");
        var encrypt = await WeComCryptoPeer.EncryptAsync(HelpBotServerFactory.EncodingAesKey, KfEventXml(), HelpBotServerFactory.CorpId);

        var response = await client.SendAsync(WeComRequests.Post(encrypt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await api.WaitForAsync("kf/send_msg", 1));
    }

    [Fact]
    public async Task SyncPages_WhileHasMore_AndEachMessageIsAnsweredOnce()
    {
        var first = api.AddCustomerText(Customer, "你好");
        api.AddCustomerText("wmOTHERCUSTOMER0000000000000001", "你好");
        api.AddCustomerText(Customer, "你好", msgId: first);

        await NotifyAsync();
        await api.WaitForAsync("kf/send_msg", 2);
        await NotifyAsync();
        await Task.Delay(500);

        Assert.Equal(2, api.CallsTo("kf/send_msg").Count);
        var cursors = api.CallsTo("kf/sync_msg").Select(c => (string?)c["cursor"]).ToList();
        Assert.Equal(["", "c2", "c3"], cursors);
    }

    [Fact]
    public async Task Cursor_IsKeptAcrossRestarts_AndOldMessagesAreNotAnsweredAgain()
    {
        api.AddCustomerText(Customer, "你好");
        await NotifyAsync();
        await api.WaitForAsync("kf/send_msg", 1);
        await StopServerAsync();

        (factory, client) = StartServer();
        api.AddCustomerText(Customer, "企业微信怎么认证");
        var syncsBefore = api.CallsTo("kf/sync_msg").Count;
        await NotifyAsync();
        await api.WaitForAsync("kf/send_msg", 2);

        Assert.Equal("c1", (string?)api.CallsTo("kf/sync_msg")[syncsBefore]["cursor"]);
        Assert.Equal(2, api.CallsTo("kf/send_msg").Count);
    }

    [Fact]
    public async Task SendingWindow_NeverExceedsFiveMessagesAfterTheCustomersLast()
    {
        api.AddCustomerText(Customer, "你好");
        await NotifyAsync();
        await api.WaitForAsync("kf/send_msg", 1);
        var usedByBot = api.CallsTo("kf/send_msg").Count;
        var messenger = factory.Services.GetServices<IConversationMessenger>().Single(m => m.CanDeliver(WeComKfActivityMapper.ChannelId));
        var conversationId = factory.Services.GetRequiredService<WeComKfService>().ConversationIdFor(FakeWeComKfServer.OpenKfId, Customer);

        var results = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await messenger.SendAsync(new ConversationAddress(WeComKfActivityMapper.ChannelId, conversationId), "您好，我是客服小李，您的问题已经在处理了", "小李"));
        }

        Assert.Equal(5 - usedByBot, results.Count(r => r));
        Assert.False(results[^1]);
        Assert.Equal(5, api.CallsTo("kf/send_msg").Count);
        Assert.Contains("小李", TextOf(api.CallsTo("kf/send_msg")[^1]));

        // A new customer message opens a new window.
        api.AddCustomerText(Customer, "好的谢谢");
        await NotifyAsync();
        await api.WaitForAsync("kf/send_msg", 6);
        Assert.True(await messenger.SendAsync(new ConversationAddress(WeComKfActivityMapper.ChannelId, conversationId), "不客气", null));
    }

    [Fact]
    public async Task Handover_CreatesTheTicket_ThenMovesTheSessionWithServiceStateTrans()
    {
        string[] turns = ["转人工", "对公打款打了4天还没验证通过", "福州星辰网络科技有限公司", "13812345678"];
        for (var i = 0; i < turns.Length; i++)
        {
            api.AddCustomerText(Customer, turns[i]);
            await NotifyAsync();
            await api.WaitForAsync("kf/send_msg", i + 1);
            if (i < turns.Length - 1)
            {
                Assert.Empty(api.CallsTo("kf/service_state/trans"));
            }
        }

        var trans = Assert.Single(await api.WaitForAsync("kf/service_state/trans", 1));
        Assert.Equal(2, (int?)trans["service_state"]);
        Assert.Equal(Customer, (string?)trans["external_userid"]);
        Assert.Contains("工单", TextOf(api.CallsTo("kf/send_msg")[^1]));
        var conversationId = factory.Services.GetRequiredService<WeComKfService>().ConversationIdFor(FakeWeComKfServer.OpenKfId, Customer);
        var tickets = await factory.Services.GetRequiredService<TicketService>().ListAsync();
        Assert.Contains(tickets, t => t.ConversationId == conversationId);
        Assert.DoesNotContain(Customer, conversationId);
    }

    [Fact]
    public async Task EnterSession_SendsTheWelcomeWithATopicMenu_BySendMsgOnEvent()
    {
        api.AddEvent(Customer, "enter_session", e => e["welcome_code"] = "WELCOMECODE1");

        await NotifyAsync();
        var welcome = Assert.Single(await api.WaitForAsync("kf/send_msg_on_event", 1));

        Assert.Equal("WELCOMECODE1", (string?)welcome["code"]);
        Assert.Equal("msgmenu", (string?)welcome["msgtype"]);
        var items = welcome["msgmenu"]!["list"]!.AsArray();
        Assert.InRange(items.Count, 2, 10);
        Assert.All(items, i => Assert.Equal("click", (string?)i!["type"]));
        Assert.Empty(api.CallsTo("kf/send_msg"));
    }

    [Fact]
    public async Task SessionEnded_SendsTheSatisfactionMenu_AndTheClickIsRecordedAsARating()
    {
        api.AddCustomerText(Customer, "你好");
        api.AddEvent(Customer, "session_status_change", e =>
        {
            e["change_type"] = 3;
            e["msg_code"] = "ENDCODE1";
        });
        await NotifyAsync();
        var menu = Assert.Single(await api.WaitForAsync("kf/send_msg_on_event", 1));
        Assert.Equal("ENDCODE1", (string?)menu["code"]);
        var five = menu["msgmenu"]!["list"]!.AsArray().Select(i => i!["click"]!).First(c => (string?)c["content"] == "非常满意");

        api.AddCustomerText(Customer, (string)five["content"]!, menuId: (string?)five["id"]);
        await NotifyAsync();
        await api.WaitForAsync("kf/send_msg", 2);

        var conversationId = factory.Services.GetRequiredService<WeComKfService>().ConversationIdFor(FakeWeComKfServer.OpenKfId, Customer);
        var rated = (await factory.Services.GetRequiredService<SupportAnalytics>().GetEventsAsync())
            .Where(e => e.ConversationId == conversationId && e.Type == AnalyticsEventType.RatingGiven).ToList();
        Assert.Equal(5, Assert.Single(rated).Rating);
        Assert.Contains("好评", TextOf(api.CallsTo("kf/send_msg")[^1]));
    }

    [Fact]
    public async Task NonTextMessage_GetsAShortPoliteAnswer()
    {
        api.AddCustomerMessage(Customer, "voice", new JsonObject { ["media_id"] = "MEDIAID" });

        await NotifyAsync();
        var reply = Assert.Single(await api.WaitForAsync("kf/send_msg", 1));

        Assert.Contains("只能看懂文字", TextOf(reply));
    }

    [Fact]
    public async Task ImageMessage_IsDownloadedThroughMediaGet_AndReadLikeInTheWebChat()
    {
        WeComHelpBot.Server.Tests.Images.ServerImages.RequireOcr();
        api.AddMedia("KFMEDIA1", WeComHelpBot.Server.Tests.Images.ServerImages.ErrorScreenshot(WeComHelpBot.Server.Tests.Images.ServerImages.DuplicatePhoneError), "image/png");
        api.AddCustomerMessage(Customer, "image", new JsonObject { ["media_id"] = "KFMEDIA1" });

        await NotifyAsync();
        var reply = TextOf(Assert.Single(await api.WaitForAsync("kf/send_msg", 1)));

        Assert.Contains("我从截图里读到", reply);
        Assert.Contains("已停用", reply);
    }

    [Fact]
    public async Task ImageMessage_ThatCannotBeDownloaded_AsksForItAgain()
    {
        api.AddCustomerMessage(Customer, "image", new JsonObject { ["media_id"] = "UNKNOWN" });

        await NotifyAsync();
        var reply = TextOf(Assert.Single(await api.WaitForAsync("kf/send_msg", 1)));

        Assert.Equal(WeComHelpBot.Images.ImageTexts.NotReceived, reply);
    }

    [Fact]
    public async Task MemberFile_IsDownloadedAndChecked_LikeInTheWebChat()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes("姓名,手机,部门\n张三,13800138000,销售部\n李四,13800138000,财务部\n");
        api.AddMedia("KFFILE1", csv, "application/octet-stream", "成员导入.csv");
        api.AddCustomerMessage(Customer, "file", new JsonObject { ["media_id"] = "KFFILE1" });

        await NotifyAsync();
        var reply = TextOf(Assert.Single(await api.WaitForAsync("kf/send_msg", 1)));

        Assert.Contains("成员导入.csv", reply);
        Assert.Contains("手机号 138****8000 重复出现在第 2、3 行", reply);
    }

    private static string TextOf(JsonObject message) => (string?)message["msgtype"] == "msgmenu"
        ? (string?)message["msgmenu"]!["head_content"] ?? string.Empty
        : (string?)message["text"]!["content"] ?? string.Empty;

    private string KfEventXml() =>
        $"<xml><ToUserName><![CDATA[{HelpBotServerFactory.CorpId}]]></ToUserName><CreateTime>{WeComRequests.Now()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[{FakeWeComKfServer.EventToken}{Interlocked.Increment(ref events)}]]></Token><OpenKfId><![CDATA[{FakeWeComKfServer.OpenKfId}]]></OpenKfId></xml>";

    private async Task NotifyAsync()
    {
        var response = await client.SendAsync(WeComRequests.PostMessage(KfEventXml()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Lets the syncs still running finish before the database closes, as a host's shutdown does.</summary>
    private async Task StopServerAsync()
    {
        await factory.Services.GetRequiredService<WeComHelpBot.Channels.WeCom.WeComCallbackHandler>()
            .WhenLateDeliveriesDoneAsync()
            .WaitAsync(TimeSpan.FromSeconds(20));
        await factory.DisposeAsync();
    }

    private (HelpBotServerFactory, HttpClient) StartServer() =>
        HelpBotServerFactory.StartRestarted(() => new HelpBotServerFactory()
            .WithSetting("WeCom:ApiBaseUrl", api.BaseUrl)
            .WithSetting("Storage:Directory", dataDirectory));
}
