using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>The AI bot's long connection against a fake WeCom endpoint over a real WebSocket on a local port.</summary>
public sealed class WeComAiBotConnectionTests : IAsyncLifetime
{
    private FakeAiBotServer wecom = null!;
    private HelpBotServerFactory factory = null!;

    public async Task InitializeAsync()
    {
        wecom = await FakeAiBotServer.StartAsync();
        factory = new HelpBotServerFactory()
            .WithSetting("WeCom:AiBot:Url", wecom.Url)
            .WithSetting("WeCom:AiBot:BotId", "aibTESTBOT")
            .WithSetting("WeCom:AiBot:Secret", "aibot-test-secret")
            .WithSetting("WeCom:AiBot:HeartbeatInterval", "00:00:00.300")
            .WithSetting("WeCom:AiBot:ReconnectDelay", "00:00:00.050");
        _ = factory.Services;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await wecom.DisposeAsync();
    }

    [Fact]
    public async Task Subscribes_WithBotIdAndSecret_AndPingsForTheHeartbeat()
    {
        var session = await SubscribedSessionAsync();

        var ping = await session.ReceiveAsync(skipPings: false);

        Assert.Equal("ping", (string?)ping["cmd"]);
        Assert.False(string.IsNullOrEmpty((string?)ping["headers"]!["req_id"]));
    }

    [Fact]
    public async Task TextCallback_IsStreamed_EachUpdateTheWholeTextSoFar_EndingWithFinish()
    {
        var session = await SubscribedSessionAsync();

        await session.SendAsync(Callback("req-text-1", "single", new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "个体户最多能加几个人" } }));
        var frames = await StreamAsync(session, "req-text-1");

        Assert.All(frames, f => Assert.Equal("aibot_respond_msg", (string?)f["cmd"]));
        Assert.Single(frames.Select(f => (string?)f["body"]!["stream"]!["id"]).Distinct());
        Assert.All(frames[..^1], f => Assert.False((bool)f["body"]!["stream"]!["finish"]!));
        var final = frames[^1]["body"]!["stream"]!;
        Assert.True((bool)final["finish"]!);
        var contents = frames.Skip(1).Select(f => (string)f["body"]!["stream"]!["content"]!).ToList();
        for (var i = 1; i < contents.Count; i++)
        {
            Assert.StartsWith(contents[i - 1], contents[i]);
        }

        Assert.InRange(Encoding.UTF8.GetByteCount((string)final["content"]!), 10, 20_480);
        Assert.StartsWith("fb:wecom-aibot:", (string?)final["feedback"]!["id"]);
    }

    [Fact]
    public async Task MessageDeliveredAgain_IsAnsweredOnce_AndItsIdIsKeptInTheDatabase()
    {
        var session = await SubscribedSessionAsync();
        var callback = Callback("req-again-1", "single", new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "对公打款要多久" } });
        await session.SendAsync(callback);
        await StreamAsync(session, "req-again-1");

        // The same message again (as after a reconnect), then another one: only the other one is answered.
        await session.SendAsync(callback.DeepClone().AsObject());
        await session.SendAsync(Callback("req-again-2", "single", new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "年审要交钱吗" } }));
        var next = await session.ReceiveAsync();
        while ((string?)next["headers"]!["req_id"] == "req-again-1")
        {
            // The first answer's feedback card may still come; a second answer (a new stream) must not.
            Assert.Null(next["body"]!["stream"]);
            next = await session.ReceiveAsync();
        }

        Assert.Equal("req-again-2", (string?)next["headers"]!["req_id"]);

        // Kept in the message-id log (hashed), which survives a restart and is shared by processes on PostgreSQL.
        var log = factory.Services.GetRequiredService<WeComHelpBot.Channels.WeCom.IWeComMessageIdLog>();
        var id = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(WeComHelpBot.Channels.WeComAiBot.WeComAiBotHandler.MessageIdKey("m-req-again-1"))));
        var now = DateTime.UtcNow;
        Assert.False(await log.TryAddAsync(id, now, now.AddDays(-1), false));
    }

    [Fact]
    public async Task Choices_ComeAsAButtonCard_AndAClickIsTheAnswer()
    {
        var session = await SubscribedSessionAsync();
        // The first answer of a conversation asks 有帮助 / 没帮助 with buttons.
        await session.SendAsync(Callback("req-hi", "single", new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "个体户最多能加几个人" } }));
        await StreamAsync(session, "req-hi");

        var card = await session.ReceiveAsync();
        Assert.Equal("template_card", (string?)card["body"]!["msgtype"]);
        var template = card["body"]!["template_card"]!;
        Assert.Equal("button_interaction", (string?)template["card_type"]);
        var button = template["button_list"]!.AsArray().Single(b => (string?)b!["text"] == "没帮助")!;

        var click = Event("req-click", "template_card_event", new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["event_key"] = (string?)button["key"],
            ["task_id"] = (string?)template["task_id"],
        });
        await session.SendAsync(click);
        var answer = await StreamAsync(session, "req-click");

        // 没帮助 is taken as the answer to the card: the bot thanks and asks why, or offers more.
        var text = (string)answer[^1]["body"]!["stream"]!["content"]!;
        Assert.True(text.Contains("没帮上", StringComparison.Ordinal) || text.Contains("记下", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task EnterChat_IsAnsweredWithTheWelcome()
    {
        var session = await SubscribedSessionAsync();

        await session.SendAsync(Event("req-enter", "enter_chat", null));
        var welcome = await session.ReceiveAsync();

        Assert.Equal("aibot_respond_welcome_msg", (string?)welcome["cmd"]);
        Assert.Equal("req-enter", (string?)welcome["headers"]!["req_id"]);
        Assert.Contains("企业微信", (string?)welcome["body"]!["text"]!["content"]);
    }

    [Fact]
    public async Task Feedback_ThumbsUp_IsRecordedAsHelpful()
    {
        var session = await SubscribedSessionAsync();
        await session.SendAsync(Callback("req-q", "single", new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "个体户最多能加几个人" } }));
        var frames = await StreamAsync(session, "req-q");
        var feedbackId = (string)frames[^1]["body"]!["stream"]!["feedback"]!["id"]!;

        await session.SendAsync(Event("req-fb", "feedback_event", new JsonObject { ["id"] = feedbackId, ["type"] = 1 }));

        var analytics = factory.Services.GetRequiredService<SupportAnalytics>();
        var conversationId = feedbackId["fb:".Length..];
        for (var i = 0; i < 100 && !(await analytics.GetEventsAsync()).Any(e => e.Type == AnalyticsEventType.FeedbackHelpful && e.ConversationId == conversationId); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(await analytics.GetEventsAsync(), e => e.Type == AnalyticsEventType.FeedbackHelpful && e.ConversationId == conversationId);
    }

    [Fact]
    public async Task GroupMessage_IsAnswered_InTheGroupsConversation()
    {
        var session = await SubscribedSessionAsync();

        await session.SendAsync(Callback("req-group", "group", new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "@注册助手 个体户最多能加几个人" } }));
        var frames = await StreamAsync(session, "req-group");

        var id = (string)frames[^1]["body"]!["stream"]!["feedback"]!["id"]!;
        Assert.StartsWith("fb:wecom-aibot:g", id);
    }

    [Fact]
    public async Task DroppedConnection_IsReconnected_AndSubscribedAgain()
    {
        var first = await SubscribedSessionAsync();

        first.Drop();
        var second = await SubscribedSessionAsync();

        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task DisconnectedEvent_IsNotFoughtOver()
    {
        var session = await SubscribedSessionAsync();

        await session.SendAsync(Event("req-kick", "disconnected_event", null));

        Assert.Null(await wecom.NextSessionAsync(TimeSpan.FromSeconds(1.5)));
    }

    private static JsonObject Callback(string reqId, string chatType, JsonObject message)
    {
        var body = new JsonObject
        {
            ["msgid"] = "m-" + reqId,
            ["aibotid"] = "aibTESTBOT",
            ["chattype"] = chatType,
            ["from"] = new JsonObject { ["userid"] = "zhangsan" },
        };
        if (chatType == "group")
        {
            body["chatid"] = "wrGROUPCHAT01";
        }

        foreach (var (key, value) in message)
        {
            body[key] = value?.DeepClone();
        }

        return new JsonObject { ["cmd"] = "aibot_msg_callback", ["headers"] = new JsonObject { ["req_id"] = reqId }, ["body"] = body };
    }

    private static JsonObject Event(string reqId, string eventType, JsonObject? detail)
    {
        var ev = new JsonObject { ["eventtype"] = eventType };
        if (detail is not null)
        {
            ev[eventType] = detail;
        }

        return new JsonObject
        {
            ["cmd"] = "aibot_event_callback",
            ["headers"] = new JsonObject { ["req_id"] = reqId },
            ["body"] = new JsonObject
            {
                ["msgid"] = "e-" + reqId,
                ["create_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["aibotid"] = "aibTESTBOT",
                ["chattype"] = "single",
                ["from"] = new JsonObject { ["userid"] = "zhangsan" },
                ["msgtype"] = "event",
                ["event"] = ev,
            },
        };
    }

    /// <summary>The stream frames answering <paramref name="reqId"/>, up to and with the one that finishes.</summary>
    private static async Task<List<JsonObject>> StreamAsync(FakeAiBotServer.Session session, string reqId)
    {
        var frames = new List<JsonObject>();
        while (true)
        {
            var frame = await session.ReceiveAsync();
            Assert.Equal(reqId, (string?)frame["headers"]!["req_id"]);
            await session.SendAsync(FakeAiBotServer.Session.Ack(frame));
            frames.Add(frame);
            if ((bool?)frame["body"]!["stream"]?["finish"] == true)
            {
                return frames;
            }
        }
    }

    private async Task<FakeAiBotServer.Session> SubscribedSessionAsync()
    {
        var session = await wecom.NextSessionAsync(TimeSpan.FromSeconds(15));
        Assert.NotNull(session);
        var subscribe = await session.ReceiveAsync();
        Assert.Equal("aibot_subscribe", (string?)subscribe["cmd"]);
        Assert.Equal("aibTESTBOT", (string?)subscribe["body"]!["bot_id"]);
        Assert.Equal("aibot-test-secret", (string?)subscribe["body"]!["secret"]);
        await session.SendAsync(FakeAiBotServer.Session.Ack(subscribe));
        return session;
    }
}
