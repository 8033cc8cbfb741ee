using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WeComHelpBot.Bot;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

public sealed class DirectLineEndpointsTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    private readonly HelpBotServerFactory factory = server.Factory;

    [Fact]
    public async Task StartingAConversation_BringsTheWelcome()
    {
        var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        var (activities, watermark) = await GetActivitiesAsync(client, conversationId, token, 0);

        var welcome = Assert.Single(activities);
        Assert.Equal(BotTexts.Welcome, welcome.GetProperty("text").GetString());
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task PostingAMessage_EchoesItThenStoresTheReplies_AfterTheWatermark()
    {
        var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        var posted = await PostAsync(client, conversationId, token, ProbeMessageHandler.AskForChoices, clientActivityId: "client-1");
        var (activities, watermark) = await GetActivitiesAsync(client, conversationId, token, 1);

        Assert.Equal(2, activities.Count);
        var echo = activities[0];
        Assert.Equal(posted, echo.GetProperty("id").GetString());
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        var reply = activities[1];
        Assert.Equal(posted, reply.GetProperty("replyToId").GetString());
        var buttons = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
        Assert.Equal(ProbeMessageHandler.Choices, buttons);
        Assert.Equal("3", watermark);

        var (none, same) = await GetActivitiesAsync(client, conversationId, token, 3);
        Assert.Empty(none);
        Assert.Equal("3", same);
    }

    [Fact]
    public async Task GeneratedToken_StartsItsOwnConversation_WithTheUserIdItCarries()
    {
        var client = factory.CreateClient();
        using var generated = JsonDocument.Parse(await (await client.PostAsync("/v3/directline/tokens/generate", null)).Content.ReadAsStringAsync());
        var token = generated.RootElement.GetProperty("token").GetString()!;
        var userId = generated.RootElement.GetProperty("userId").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await client.SendAsync(request);
        using var conversation = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        var conversationId = conversation.RootElement.GetProperty("conversationId").GetString()!;

        Assert.Equal(generated.RootElement.GetProperty("conversationId").GetString(), conversationId);
        await PostAsync(client, conversationId, token, "你好", fromId: "someone-else");
        var (activities, _) = await GetActivitiesAsync(client, conversationId, token, 1);
        Assert.Equal(userId, activities[0].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnotherConversationsToken_OrNoToken_Gets401()
    {
        var client = factory.CreateClient();
        var (first, _) = await StartAsync(client);
        var (_, otherToken) = await StartAsync(client);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{first}/activities?watermark=0");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", otherToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/v3/directline/conversations/{first}/activities")).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{first}/activities");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first + ".forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
    }

    [Theory]
    [InlineData("{oops")]
    [InlineData("{\"text\":\"no type\"}")]
    public async Task MalformedActivities_Get400(string body)
    {
        var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task RefreshingAToken_KeepsTheConversation()
    {
        var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var refreshed = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Equal(conversationId, refreshed.RootElement.GetProperty("conversationId").GetString());
    }

    internal static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client)
    {
        var response = await client.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("conversationId").GetString()!, json.RootElement.GetProperty("token").GetString()!);
    }

    internal static async Task<string> PostAsync(HttpClient client, string conversationId, string token, string text, string clientActivityId = "c", string fromId = "web-user")
    {
        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            locale = "zh-CN",
            from = new { id = fromId, role = "user" },
            channelData = new { clientActivityID = clientActivityId },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent(activity, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    internal static async Task<(IReadOnlyList<JsonElement> Activities, string Watermark)> GetActivitiesAsync(HttpClient client, string conversationId, string token, int watermark)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = json.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
        return (activities, json.RootElement.GetProperty("watermark").GetString()!);
    }
}
