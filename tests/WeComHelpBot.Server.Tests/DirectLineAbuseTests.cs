using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Server.Tests.Support;
using static WeComHelpBot.Server.Tests.DirectLineEndpointsTests;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// The web chat's Direct Line as an attacker uses it: floods of tokens, conversations and posts from one address,
/// a full server, and tokens kept past their refresh or their lifetime. Each server is the real one, in memory, with
/// requests from the addresses the tests choose.
/// </summary>
public sealed class DirectLineAbuseTests
{
    private const string Attacker = "203.0.113.66";
    private const string Victim = "198.51.100.7";

    [Theory]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/v3/directline/conversations")]
    public async Task CreationFlood_FromOneAddress_Gets429WithRetryAfter_AndAnotherAddressesConversationKeepsWorking(string path)
    {
        using var factory = NewServer().WithSetting("DirectLine:MaxConversations", "100");
        var victim = ClientFrom(factory, Victim);
        var (conversationId, token) = await StartAsync(victim);
        var attacker = ClientFrom(factory, Attacker);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            using var response = await attacker.PostAsync(path, null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 without Retry-After");
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.Created) <= 30, "the flood was mostly accepted");
        await PostAsync(victim, conversationId, token, "我还在，刚才说到哪了");
        var (activities, _) = await GetActivitiesAsync(victim, conversationId, token, 1);
        Assert.Equal("我还在，刚才说到哪了", activities[0].GetProperty("text").GetString());
        Assert.True(activities.Count > 1, "the bot did not answer the victim");
    }

    [Fact]
    public async Task BehindAProxyOnLoopback_EachForwardedClientHasItsOwnLimit_AndASpoofedHeaderFromElsewhereIsIgnored()
    {
        using var factory = NewServer();
        var attacker = ClientFrom(factory, "127.0.0.1");
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", Attacker);
        var limited = false;
        for (var i = 0; i < 100 && !limited; i++)
        {
            using var response = await attacker.PostAsync("/v3/directline/tokens/generate", null);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(limited, "the forwarded client was never limited");

        // Another client behind the same proxy is not held back by the first one's flood.
        var victim = ClientFrom(factory, "127.0.0.1");
        victim.DefaultRequestHeaders.Add("X-Forwarded-For", Victim);
        using (var response = await victim.PostAsync("/v3/directline/tokens/generate", null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A client that is not a proxy cannot escape its own limit by naming someone else in the header.
        var spoofer = ClientFrom(factory, Attacker);
        spoofer.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.99");
        using (var response = await spoofer.PostAsync("/v3/directline/tokens/generate", null))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    [Fact]
    public async Task CreationFlood_FromASharedAddress_LeavesTheConversationsAlreadyThereRefreshingAndPosting()
    {
        using var factory = NewServer();
        var colleague = ClientFrom(factory, Attacker);
        var (conversationId, token) = await StartAsync(colleague);

        var flooded = false;
        for (var i = 0; i < 100 && !flooded; i++)
        {
            using var response = await ClientFrom(factory, Attacker).PostAsync("/v3/directline/tokens/generate", null);
            flooded = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(flooded, "the flood was never limited");
        using var refreshed = await SendAsync(colleague, HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var json = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        await PostAsync(colleague, conversationId, json.RootElement.GetProperty("token").GetString()!, "同一个网络里有人在刷");
    }

    [Fact]
    public async Task FullServer_RefusesNewConversations_InsteadOfEvictingALiveOne()
    {
        using var factory = NewServer()
            .WithSetting("DirectLine:MaxConversations", "10")
            .WithSetting("DirectLine:CreateBurstPerClient", "1000")
            .WithSetting("DirectLine:CreatesPerMinutePerClient", "1000");
        var victim = ClientFrom(factory, Victim);
        var (conversationId, token) = await StartAsync(victim);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 40; i++)
        {
            using var response = await ClientFrom(factory, $"192.0.2.{i}").PostAsync("/v3/directline/tokens/generate", null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 without Retry-After");
            }
        }

        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(31, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        await PostAsync(victim, conversationId, token, "在吗");
    }

    [Fact]
    public async Task OneAddress_HoldsAtMostItsShareOfLiveConversations()
    {
        using var factory = NewServer()
            .WithSetting("DirectLine:MaxConversationsPerClient", "3")
            .WithSetting("DirectLine:CreateBurstPerClient", "1000")
            .WithSetting("DirectLine:CreatesPerMinutePerClient", "1000");
        var attacker = ClientFrom(factory, Attacker);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await attacker.PostAsync("/v3/directline/conversations", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 7)], statuses);
        await StartAsync(ClientFrom(factory, Victim));
    }

    [Fact]
    public async Task OneIPv6Network_CountsAsOneClient()
    {
        using var factory = NewServer()
            .WithSetting("DirectLine:MaxConversationsPerClient", "2")
            .WithSetting("DirectLine:CreateBurstPerClient", "1000")
            .WithSetting("DirectLine:CreatesPerMinutePerClient", "1000");

        await StartAsync(ClientFrom(factory, "2001:db8:1:2::1"));
        await StartAsync(ClientFrom(factory, "2001:db8:1:2::ffff"));
        using var third = await ClientFrom(factory, "2001:db8:1:2:aaaa::9").PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        await StartAsync(ClientFrom(factory, "2001:db8:1:3::1"));
    }

    [Fact]
    public async Task PostingFlood_InOneConversation_Gets429_WhileItsPollingAndOtherConversationsGoOn()
    {
        using var factory = NewServer();
        var attacker = ClientFrom(factory, Attacker);
        var (flooded, floodToken) = await StartAsync(attacker);
        var (other, otherToken) = await StartAsync(attacker);

        // Each post runs a turn, so the flood stops at its first 429 (about the burst of 20) to keep the test quick.
        var statuses = new List<HttpStatusCode>();
        while (statuses.Count < 100 && !statuses.Contains(HttpStatusCode.TooManyRequests))
        {
            using var response = await SendAsync(attacker, HttpMethod.Post, $"/v3/directline/conversations/{flooded}/activities", floodToken, """{"type":"message","text":"刷屏"}""");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 without Retry-After");
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 30, "the flood was mostly accepted");

        // Web Chat stops polling for good after any 429, so reading is never limited.
        for (var i = 0; i < 200; i++)
        {
            await GetActivitiesAsync(attacker, flooded, floodToken, 0);
        }

        await PostAsync(attacker, other, otherToken, "换个会话问问");
    }

    [Fact]
    public async Task LargePosts_KeepAConversationsStoredActivitiesWithinItsByteLimit()
    {
        using var factory = NewServer().WithSetting("DirectLine:PostBurstPerConversation", "100");
        var client = ClientFrom(factory, Attacker);
        var (conversationId, token) = await StartAsync(client);
        var padding = new string('x', 60_000);

        for (var i = 0; i < 20; i++)
        {
            using var response = await SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, JsonSerializer.Serialize(new { type = "message", text = $"第{i}条", channelData = new { padding } }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var all = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=0", token);
        var json = await all.Content.ReadAsStringAsync();
        Assert.InRange(json.Length, 1, 300_000);
        Assert.Contains("第19条", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshedToken_IsNew_AndTheOldOneStopsWorkingAfterTheGracePeriod()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = NewServer(time).WithSetting("DirectLine:RefreshGracePeriod", "00:01:00");
        var client = ClientFrom(factory, Victim);
        var (conversationId, oldToken) = await StartAsync(client);

        time.Advance(TimeSpan.FromMinutes(15));
        using var refreshed = await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/refresh", oldToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var json = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        var newToken = json.RootElement.GetProperty("token").GetString()!;
        Assert.Equal(conversationId, json.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(30 * 60, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.NotEqual(oldToken, newToken);

        // A poll sent with the old token just before the refresh answered still succeeds.
        await GetActivitiesAsync(client, conversationId, oldToken, 0);
        time.Advance(TimeSpan.FromSeconds(61));

        await PostAsync(client, conversationId, newToken, "换了令牌还能聊吗");
        foreach (var (method, path) in ConversationCalls(conversationId))
        {
            using var response = await SendAsync(client, method, path, oldToken, method == HttpMethod.Post ? """{"type":"message","text":"旧令牌"}""" : null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task ExpiredToken_Gets403_EvenForRefresh()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = NewServer(time);
        var client = ClientFrom(factory, Victim);
        var (conversationId, token) = await StartAsync(client);

        // Polled all along, as an open page does: a token's lifetime is absolute, use does not extend it.
        for (var minute = 0; minute < 30; minute++)
        {
            await GetActivitiesAsync(client, conversationId, token, 0);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        foreach (var (method, path) in ConversationCalls(conversationId).Append((HttpMethod.Post, "/v3/directline/tokens/refresh")))
        {
            using var response = await SendAsync(client, method, path, token, method == HttpMethod.Post ? """{"type":"message","text":"过期了吗"}""" : null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task RefreshingEvery15Minutes_AsWebChatDoes_KeepsAConversationForHours()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = NewServer(time);
        var client = ClientFrom(factory, Victim);
        var (conversationId, token) = await StartAsync(client);

        for (var refresh = 0; refresh < 12; refresh++)
        {
            time.Advance(TimeSpan.FromMinutes(15));
            using var response = await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            token = json.RootElement.GetProperty("token").GetString()!;
            await GetActivitiesAsync(client, conversationId, token, 0);
        }

        await PostAsync(client, conversationId, token, "三个小时了还能问吗");
    }

    [Fact]
    public async Task RefreshedToken_OpensOnlyItsOwnConversation()
    {
        using var factory = NewServer();
        var client = ClientFrom(factory, Victim);
        var (mine, token) = await StartAsync(client);
        var (theirs, _) = await StartAsync(ClientFrom(factory, Attacker));

        using var refreshed = await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        using var json = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        var newToken = json.RootElement.GetProperty("token").GetString()!;

        Assert.Equal(mine, newToken[..newToken.IndexOf('.', StringComparison.Ordinal)]);
        foreach (var (method, path) in ConversationCalls(theirs))
        {
            using var response = await SendAsync(client, method, path, newToken, method == HttpMethod.Post ? """{"type":"message","text":"串门"}""" : null);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A token spliced from their conversation id and my secret opens nothing either.
        var spliced = theirs + newToken[newToken.IndexOf('.', StringComparison.Ordinal)..];
        using var splicedResponse = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{theirs}/activities", spliced);
        Assert.Equal(HttpStatusCode.Unauthorized, splicedResponse.StatusCode);
    }

    private static HelpBotServerFactory NewServer(TimeProvider? time = null) =>
        new HelpBotServerFactory().WithServices(s =>
        {
            s.AddSingleton<IMessageHandler>(new ProbeMessageHandler());
            s.AddSingleton<IStartupFilter>(new ClientAddressStartupFilter());
            if (time is not null)
            {
                s.AddSingleton(time);
            }
        });

    private static HttpClient ClientFrom(HelpBotServerFactory factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        return client;
    }

    private static IEnumerable<(HttpMethod Method, string Path)> ConversationCalls(string conversationId) =>
    [
        (HttpMethod.Get, $"/v3/directline/conversations/{conversationId}"),
        (HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=0"),
        (HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities"),
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
