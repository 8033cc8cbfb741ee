using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Privacy;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Issue #11, finding 1: an activity posted to /api/messages that claims another channel's conversation (the WeCom
/// callback's, the web chat's Direct Line) must not reach it. A member is half-way through 转人工 on the real
/// channel; the attacker answers the remaining steps through /api/messages; the member's flow, transcript and
/// tickets must be as if nothing happened.
/// </summary>
public sealed class ConversationTakeoverTests : IAsyncLifetime
{
    private const string AttackerCompany = "黑客科技有限公司";
    private const string AttackerPhone = "13912345678";

    /// <summary>From the handover flow's phone step (dialogs/handover.yaml).</summary>
    private const string PhoneStep = "留一个客服能联系到您的手机号";

    private FakeWeComApiServer api = null!;
    private HelpBotServerFactory factory = null!;
    private HttpClient client = null!;
    private int nextMsgId;

    public async Task InitializeAsync()
    {
        api = await FakeWeComApiServer.StartAsync();
        factory = new HelpBotServerFactory()
            .WithSetting("WeCom:ApiBaseUrl", api.BaseUrl)
            .WithSetting("WeCom:ReplyTimeout", "00:00:30");
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await api.DisposeAsync();
    }

    [Theory]
    [InlineData("wecom", "wecom:{0}")]
    [InlineData("WeCom", "wecom:{0}")]
    [InlineData(" wecom ", "wecom:{0}")]
    [InlineData("ｗｅｃｏｍ", "wecom:{0}")]
    [InlineData("wecom", "WECOM:{0}")]
    [InlineData("msteams", "wecom:{0}")]
    [InlineData("directline", "wecom:{0}")]
    public async Task ApiMessages_ClaimingAWeComConversation_LeavesTheMembersFlowTicketsAndTranscriptAlone(string channelId, string conversationFormat)
    {
        const string member = "wangwu";
        Assert.Contains("遇到了什么问题", await WeComSayAsync(member, "转人工"));
        Assert.Contains("全称", await WeComSayAsync(member, "对公打款打了4天还没到账"));

        // The attacker is assumed to know the member's real conversation key (the pseudonym of their UserID).
        var pseudonym = new WeComUserPseudonym(HelpBotServerFactory.EncodingAesKey, HelpBotServerFactory.CorpId).For(member);
        var conversationId = string.Format(System.Globalization.CultureInfo.InvariantCulture, conversationFormat, pseudonym);
        await AttackAsync(channelId, conversationId, member);

        // The member's flow is still at the company step: their answer brings the phone step, not a fresh answer.
        Assert.Contains(PhoneStep, await WeComSayAsync(member, "王五科技有限公司"));
        await AssertUntouchedAsync("wecom:" + pseudonym);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("DirectLine")]
    [InlineData("webchat")]
    public async Task ApiMessages_ClaimingAWebChatConversation_LeavesTheVisitorsFlowTicketsAndTranscriptAlone(string channelId)
    {
        var (conversationId, token, userId) = await DirectLineStartAsync();
        Assert.Contains("遇到了什么问题", await DirectLineSayAsync(conversationId, token, "转人工"));
        Assert.Contains("全称", await DirectLineSayAsync(conversationId, token, "对公打款打了4天还没到账"));

        await AttackAsync(channelId, conversationId, userId);

        Assert.Contains(PhoneStep, await DirectLineSayAsync(conversationId, token, "王五科技有限公司"));
        await AssertUntouchedAsync(conversationId);
    }

    [Fact]
    public async Task ApiMessages_ConversationsOfTwoBotFrameworkChannels_WithTheSameId_AreTwoConversations()
    {
        Assert.Contains("遇到了什么问题", await BotFrameworkSayAsync("emulator", "shared-id", "转人工"));

        // Another channel's conversation of the same id starts fresh: 对公打款… is a question there, not the failure step.
        var other = await BotFrameworkSayAsync("msteams", "shared-id", "对公打款打了4天还没到账");

        Assert.DoesNotContain("全称", other);
        Assert.Contains("全称", await BotFrameworkSayAsync("emulator", "shared-id", "对公打款打了4天还没到账"));
    }

    [Fact]
    public async Task ApiMessages_RepliesCarryTheConversationAndUserIdsTheClientSent()
    {
        using var response = await PostActivityAsync("emulator", "botframework:x:conv", "botframework:y:user", "你好");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = body.RootElement.GetProperty("activities").EnumerateArray().First();
        Assert.Equal("botframework:x:conv", reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("botframework:y:user", reply.GetProperty("recipient").GetProperty("id").GetString());
    }

    /// <summary>Answers the two remaining steps (company, phone) through /api/messages; whatever the server answers, the attacker must not be in the member's flow.</summary>
    private async Task AttackAsync(string channelId, string conversationId, string fromId)
    {
        foreach (var text in new[] { AttackerCompany, AttackerPhone })
        {
            using var response = await PostActivityAsync(channelId, conversationId, fromId, text);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden,
                $"HTTP {(int)response.StatusCode}: {body}");
            Assert.DoesNotContain(PhoneStep, body, StringComparison.Ordinal);
            Assert.DoesNotContain("工单已提交", body, StringComparison.Ordinal);
        }
    }

    private async Task AssertUntouchedAsync(string conversationId)
    {
        var tickets = await factory.Services.GetRequiredService<TicketService>().ListAsync();
        Assert.Empty(tickets);

        var transcript = await factory.Services.GetRequiredService<TranscriptStore>().GetConversationAsync(conversationId);
        Assert.NotEmpty(transcript);
        Assert.DoesNotContain(transcript, line => line.Text.Contains("黑客", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> PostActivityAsync(string channelId, string conversationId, string fromId, string text)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new { id = conversationId },
            ["from"] = new { id = fromId, role = "user" },
            ["recipient"] = new { id = "bot", role = "bot" },
            ["text"] = text,
            ["locale"] = "zh-CN",
        });
        return client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private async Task<string> BotFrameworkSayAsync(string channelId, string conversationId, string text)
    {
        using var response = await PostActivityAsync(channelId, conversationId, "user-1", text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("\n", body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    private async Task<string> WeComSayAsync(string user, string text)
    {
        var msgId = (9100000000000000000L + Interlocked.Increment(ref nextMsgId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.TextXml(user, msgId, text)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WeComRequests.DecryptReply(await response.Content.ReadAsStringAsync()).Content ?? string.Empty;
    }

    private async Task<(string ConversationId, string Token, string UserId)> DirectLineStartAsync()
    {
        using var response = await client.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (root.GetProperty("conversationId").GetString()!, root.GetProperty("token").GetString()!, root.GetProperty("userId").GetString()!);
    }

    /// <summary>Posts a message as the web chat does and returns the texts of the bot's replies to it.</summary>
    private async Task<string> DirectLineSayAsync(string conversationId, string token, string text)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { type = "message", text, locale = "zh-CN", from = new { id = "web-user", role = "user" } }), Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var postedJson = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        var activityId = postedJson.RootElement.GetProperty("id").GetString();

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var got = await client.SendAsync(get);
        using var json = JsonDocument.Parse(await got.Content.ReadAsStringAsync());
        return string.Join("\n", json.RootElement.GetProperty("activities").EnumerateArray()
            .Where(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == activityId)
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
    }
}
