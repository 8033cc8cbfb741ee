using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

public sealed class BotMessagesEndpointTests(HelpBotServerFactory factory) : IClassFixture<HelpBotServerFactory>
{
    private static string ActivityJson(string type = "message", string? text = "你好", string? deliveryMode = "expectReplies", string conversationId = "conv-1", string? serviceUrl = null, object? membersAdded = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["id"] = "act-1",
            ["channelId"] = "emulator",
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new { id = conversationId },
            ["from"] = new { id = "user-1", name = "张三" },
            ["recipient"] = new { id = "bot-1", name = "bot" },
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["deliveryMode"] = deliveryMode,
            ["membersAdded"] = membersAdded,
        }.Where(p => p.Value is not null).ToDictionary());

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExpectReplies_ReturnsTheBotsRepliesInTheBody()
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", Json(ActivityJson()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("text").GetString()));
        Assert.Equal("user-1", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("conv-1", reply.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ExpectReplies_WelcomesAMemberWhoJoins()
    {
        var json = ActivityJson(type: "conversationUpdate", text: null, membersAdded: new[] { new { id = "user-1" } });

        var response = await factory.CreateClient().PostAsync("/api/messages", Json(json));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal(BotTexts.Welcome, reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task NormalDelivery_PostsRepliesBackToTheServiceUrl_AndAnswers200()
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory()
            .WithSetting("BotFramework:AllowedServiceUrls:0", "https://channel.test")
            .WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson(deliveryMode: null, serviceUrl: "https://channel.test/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var (uri, body) = Assert.Single(connector.Requests);
        Assert.Equal("https://channel.test/v3/conversations/conv-1/activities/act-1", uri);
        using var reply = JsonDocument.Parse(body);
        Assert.Equal("message", reply.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task NormalDelivery_ManyTurnsToOneServiceUrl_ShareOneConnectorClient()
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory()
            .WithSetting("BotFramework:AllowedServiceUrls:0", "https://channel.test")
            .WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));
        var client = server.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/api/messages", Json(ActivityJson(deliveryMode: null, serviceUrl: "https://channel.test/", conversationId: $"shared-{i}")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $"https://channel.test/v3/conversations/shared-{i}/activities/act-1"),
            connector.Requests.Select(r => r.Uri));
        Assert.Equal(1, connector.ClientsCreated);
    }

    [Fact]
    public async Task OneServer_RepliesInTheBody_AndToTheServiceUrl_TurnAfterTurn()
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory()
            .WithSetting("BotFramework:AllowedServiceUrls:0", "https://channel.test")
            .WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));
        var client = server.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            var buffered = await client.PostAsync("/api/messages", Json(ActivityJson(conversationId: $"body-{i}")));
            using var body = JsonDocument.Parse(await buffered.Content.ReadAsStringAsync());
            Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());

            var posted = await client.PostAsync("/api/messages", Json(ActivityJson(deliveryMode: null, serviceUrl: "https://channel.test/", conversationId: $"posted-{i}")));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Equal(string.Empty, await posted.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, connector.Requests.Count);
        Assert.All(connector.Requests, r => Assert.StartsWith("https://channel.test/v3/conversations/posted-", r.Uri, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"t\",\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"t\",\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"\",\"channelId\":\"t\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"t\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"t\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"serviceUrl\":\"not a url\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"t\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"timestamp\":\"yesterday\",\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"t\",\"conversation\":\"c\",\"from\":{\"id\":\"u\"},\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\"} trailing")]
    public async Task MalformedBodies_Get400_WithAReason(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadArgument", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task DeeplyNestedJson_Gets400_InsteadOfExhaustingTheStack()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var json = ActivityJson().Replace("\"text\":", $"\"channelData\":{nested},\"text\":", StringComparison.Ordinal);

        var response = await factory.CreateClient().PostAsync("/api/messages", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBodies_Get413()
    {
        var json = ActivityJson(text: new string('长', 200_000));

        var response = await factory.CreateClient().PostAsync("/api/messages", Json(json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnknownActivityTypes_Get200_WithNoReplies()
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", Json(ActivityJson(type: "somethingNew")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(body.RootElement.GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task GetOnMessages_IsNotAllowed()
    {
        var response = await factory.CreateClient().GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task WithAnAppId_RequestsWithoutAToken_Get401()
    {
        using var secured = new HelpBotServerFactory()
            .WithSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")
            .WithSetting("MicrosoftAppPassword", "not-used");

        var response = await secured.CreateClient().PostAsync("/api/messages", Json(ActivityJson()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task WithAnAppId_RequestsWithAMalformedToken_Get401(string authorization)
    {
        using var secured = new HelpBotServerFactory()
            .WithSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")
            .WithSetting("MicrosoftAppPassword", "not-used");
        var client = secured.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(ActivityJson()) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ConcurrentTurnsOfManyConversations_AllGetTheirOwnReplies()
    {
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            client.PostAsync("/api/messages", Json(ActivityJson(conversationId: $"load-{i % 16}")))));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        }
    }
}
