using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;
using WeComHelpBot.Channels;
using WeComHelpBot.Desk;
using WeComHelpBot.Server.Desk;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Tests.Desk;

public sealed class ConsoleApiTests : IDisposable
{
    private const string AgentPassword = "Agent-pass-2026";
    private const string LeadPassword = "Lead-pass-2026";

    private readonly HelpBotServerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/console/api/tickets")]
    [InlineData("/console/api/tickets/T20261206-0001")]
    [InlineData("/console/api/session")]
    [InlineData("/console/api/stats")]
    [InlineData("/console/api/gaps")]
    [InlineData("/console/api/knowledge/entries")]
    public async Task ApiWithoutASession_Answers401(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ConsolePageWithoutASession_RedirectsToTheSignInPage()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/console/index.html");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleAuthentication.LoginPage, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_SetsAnHttpOnlyStrictCookie_AndOpensTheApi()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var client = factory.CreateClient();

        var login = await client.PostAsJsonAsync("/console/api/login", new { user = "xiaowang", password = AgentPassword });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/api/tickets")).StatusCode);
    }

    [Fact]
    public async Task WrongPassword_Answers401_AndFiveInARowLockTheAccount()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/console/api/login", new { user = "xiaowang", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/console/api/login", new { user = "xiaowang", password = AgentPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("锁定", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StateChangingCall_WithoutTheAntiforgeryHeader_IsRefused()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var number = await CreateTicketAsync("directline", "no-such-conversation");
        var (client, _) = await SignInAsync("xiaowang", AgentPassword);

        var refused = await client.PostAsJsonAsync($"/console/api/tickets/{number}/notes", new { text = "先电话联系" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = await GetJsonAsync(client, $"/console/api/tickets/{number}");
        Assert.Empty(detail.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public async Task Agent_CannotSeeTheLeadsFigures_ButALeadCan()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        await AddAccountAsync("laoli", DeskRole.Lead, LeadPassword);
        var (agent, _) = await SignInAsync("xiaowang", AgentPassword);
        var (lead, _) = await SignInAsync("laoli", LeadPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/console/api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/console/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/console/api/stats")).StatusCode);
        var audit = await GetJsonAsync(lead, "/console/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("user").GetString() == "xiaowang" && e.GetProperty("action").GetString() == "login");
    }

    [Fact]
    public async Task DisabledAccount_LosesItsSession()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var (client, _) = await SignInAsync("xiaowang", AgentPassword);

        await factory.Services.GetRequiredService<DeskAccounts>().DisableAsync("xiaowang");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/console/api/tickets")).StatusCode);
    }

    [Fact]
    public async Task TicketList_HasTheContractFields_AndFiltersByStatus()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var number = await CreateTicketAsync("directline", "conv-1");
        var (client, _) = await SignInAsync("xiaowang", AgentPassword);

        var all = await GetJsonAsync(client, "/console/api/tickets?status=new");
        var closed = await GetJsonAsync(client, "/console/api/tickets?status=closed");

        var row = Assert.Single(all.EnumerateArray());
        Assert.Equal(number, row.GetProperty("id").GetString());
        Assert.Equal("new", row.GetProperty("status").GetString());
        Assert.Equal("打款验证", row.GetProperty("category").GetString());
        Assert.Equal("福州某某科技有限公司", row.GetProperty("company").GetString());
        Assert.Equal("conv-1", row.GetProperty("conversationId").GetString());
        Assert.Equal("directline", row.GetProperty("channel").GetString());
        Assert.True(row.GetProperty("unread").GetBoolean());
        Assert.True(row.TryGetProperty("createdAt", out _));
        Assert.Empty(closed.EnumerateArray());
    }

    [Fact]
    public async Task TicketPage_ShowsTheFlowsAnswersUnderTheirQuestions_NotInternalKeys()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var number = await CreateTicketAsync("directline", "conv-1");
        var (client, _) = await SignInAsync("xiaowang", AgentPassword);

        var detail = await GetJsonAsync(client, $"/console/api/tickets/{number}");

        var answer = Assert.Single(detail.GetProperty("answers").EnumerateArray());
        var label = answer.GetProperty("label").GetString()!;
        Assert.DoesNotContain("troubleshooting.", label, StringComparison.Ordinal);
        Assert.DoesNotContain("transfer_days", label, StringComparison.Ordinal);
        Assert.Equal("6", answer.GetProperty("value").GetString());
        Assert.Equal("138****5678", detail.GetProperty("contactPhone").GetString());
    }

    [Fact]
    public async Task AgentReply_ReachesTheWebChat_TheBotStaysQuiet_AndAnswersAgainAfterRelease()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        var web = factory.CreateClient();
        var (conversationId, token) = await DirectLineEndpointsTests.StartAsync(web);
        var number = await CreateTicketAsync("directline", conversationId);
        var (agent, csrf) = await SignInAsync("xiaowang", AgentPassword);

        var reply = await PostAsync(agent, csrf, $"/console/api/tickets/{number}/reply", new { text = "您好，我是客服小王，打款的事我来帮您查。" });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var (afterReply, watermark) = await DirectLineEndpointsTests.GetActivitiesAsync(web, conversationId, token, 1);
        var fromAgent = Assert.Single(afterReply);
        Assert.Equal("您好，我是客服小王，打款的事我来帮您查。", fromAgent.GetProperty("text").GetString());
        Assert.Equal("xiaowang", fromAgent.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("bot", fromAgent.GetProperty("from").GetProperty("role").GetString());

        // While held, the user's message is only echoed: the bot does not answer it.
        await DirectLineEndpointsTests.PostAsync(web, conversationId, token, "个体户最多能加几个人");
        var (whileHeld, heldWatermark) = await DirectLineEndpointsTests.GetActivitiesAsync(web, conversationId, token, int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("user", Assert.Single(whileHeld).GetProperty("from").GetProperty("role").GetString());
        var page = await GetJsonAsync(agent, $"/console/api/tickets/{number}");
        Assert.True(page.GetProperty("held").GetBoolean());
        Assert.Contains(page.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("text").GetString() == "个体户最多能加几个人");

        var release = await PostAsync(agent, csrf, $"/console/api/tickets/{number}/release", new { });
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        var (released, releasedWatermark) = await DirectLineEndpointsTests.GetActivitiesAsync(web, conversationId, token, int.Parse(heldWatermark, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DeskTexts.HandedBack, Assert.Single(released).GetProperty("text").GetString());

        await DirectLineEndpointsTests.PostAsync(web, conversationId, token, "个体户最多能加几个人");
        var (answered, _) = await DirectLineEndpointsTests.GetActivitiesAsync(web, conversationId, token, int.Parse(releasedWatermark, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(answered, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
    }

    [Fact]
    public async Task ClosingFromTheConsole_ClosesTheTicket_AndIsAudited()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        await AddAccountAsync("laoli", DeskRole.Lead, LeadPassword);
        var number = await CreateTicketAsync("directline", "conv-1");
        var (agent, csrf) = await SignInAsync("xiaowang", AgentPassword);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(agent, csrf, $"/console/api/tickets/{number}/status", new { status = "已关闭" })).StatusCode);

        var ticket = await factory.Services.GetRequiredService<TicketService>().GetAsync(number);
        Assert.Equal(TicketStatus.Closed, ticket!.Status);
        var (lead, _) = await SignInAsync("laoli", LeadPassword);
        var audit = await GetJsonAsync(lead, "/console/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "status" && e.GetProperty("target").GetString() == number);
    }

    [Fact]
    public async Task Gaps_AreForLeadsOnly_AndAChangeWithoutTheAntiforgeryHeaderIsRefused()
    {
        await AddAccountAsync("xiaowang", DeskRole.Agent, AgentPassword);
        await AddAccountAsync("laoli", DeskRole.Lead, LeadPassword);
        var (agent, agentCsrf) = await SignInAsync("xiaowang", AgentPassword);
        var (lead, _) = await SignInAsync("laoli", LeadPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/console/api/gaps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(agent, agentCsrf, "/console/api/gaps/accept", new { entryId = "verify-face", question = "刷脸不行" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/console/api/gaps")).StatusCode);
        var noToken = await lead.PostAsJsonAsync("/console/api/gaps/accept", new { entryId = "verify-face", question = "刷脸不行" });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task RefusedKnowledgeChange_Answers422WithTheReason_AndIsAuditedWithWho()
    {
        await AddAccountAsync("laoli", DeskRole.Lead, LeadPassword);
        var (lead, csrf) = await SignInAsync("laoli", LeadPassword);

        var refused = await PostAsync(lead, csrf, "/console/api/gaps/accept", new { entryId = "no-such-entry", question = "认证费能开发票吗" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains(body.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("no-such-entry", StringComparison.Ordinal));
        var audit = await GetJsonAsync(lead, "/console/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("user").GetString() == "laoli" && e.GetProperty("action").GetString() == "gap-accept-refused");
    }

    [Fact]
    public async Task Stats_CarryTheResolutionFigures_PerDayAndPerChannel_AndTheCsvHasThem()
    {
        await AddAccountAsync("laoli", DeskRole.Lead, LeadPassword);
        var analytics = factory.Services.GetRequiredService<SupportAnalytics>();
        await analytics.RecordConversationStartedAsync("s1", "wecom");
        await analytics.RecordKnowledgeAnsweredAsync("s1", "verify-face", 0.9, "人脸识别老失败");
        await analytics.RecordFeedbackAsync("s1", "verify-face", "人脸识别老失败", helpful: true);
        var (lead, _) = await SignInAsync("laoli", LeadPassword);

        var stats = await GetJsonAsync(lead, "/console/api/stats");
        Assert.Equal(1.0, stats.GetProperty("total").GetProperty("resolutionRate").GetDouble());
        Assert.Equal(1, stats.GetProperty("total").GetProperty("confirmed").GetInt32());
        Assert.Equal("企业微信", Assert.Single(stats.GetProperty("channels").EnumerateArray()).GetProperty("channel").GetString());
        Assert.Equal("人脸识别老失败", Assert.Single(stats.GetProperty("topQuestions").EnumerateArray()).GetProperty("question").GetString());

        var csv = await lead.GetStringAsync("/console/api/stats.csv");
        Assert.Contains("解决率", csv);
        Assert.Contains("企业微信", csv);
    }

    private async Task AddAccountAsync(string name, DeskRole role, string password) =>
        await factory.Services.GetRequiredService<DeskAccounts>().AddAsync(name, role, password);

    private async Task<string> CreateTicketAsync(string channel, string conversationId)
    {
        var request = new TicketRequest(conversationId, "13812345678", "福州某某科技有限公司", "打款验证", "对公打款 6 天没到账")
        {
            Answers = new Dictionary<string, string> { ["troubleshooting.transfer_days"] = "6" },
            Source = "troubleshooting",
        };
        var ticket = await factory.Services.GetRequiredService<TicketService>().CreateAsync(request);
        await factory.Services.GetRequiredService<SupportDesk>().OnTicketCreatedAsync(ticket, new ConversationAddress(channel, conversationId));
        return ticket.Number;
    }

    private async Task<(HttpClient Client, string Csrf)> SignInAsync(string user, string password)
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/console/api/login", new { user, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return (client, json.RootElement.GetProperty("csrfToken").GetString()!);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string csrf, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(ConsoleAuthentication.AntiforgeryHeaderName, csrf);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
