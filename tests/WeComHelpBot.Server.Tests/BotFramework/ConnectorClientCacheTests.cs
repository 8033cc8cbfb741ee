using Microsoft.Bot.Connector;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Server.BotFramework;

namespace WeComHelpBot.Server.Tests.BotFramework;

public sealed class ConnectorClientCacheTests
{
    private const string ServiceUrl = "https://smba.example.test/apac/";
    private const string Audience = "https://api.botframework.com";

    private readonly FakeTimeProvider time = new();
    private readonly CountingConnectorFactory factory = new();

    private Task<IConnectorClient> GetAsync(ConnectorClientCache cache, string serviceUrl = ServiceUrl, string? appId = "app-1", string? audience = Audience) =>
        cache.GetOrCreateAsync(appId, serviceUrl, audience, token => factory.CreateAsync(serviceUrl, audience!, token));

    [Fact]
    public async Task ManyTurnsToOneServiceUrl_ShareTheClientMadeForTheFirst()
    {
        var cache = new ConnectorClientCache(time);

        var clients = new List<IConnectorClient>();
        for (var i = 0; i < 100; i++)
        {
            clients.Add(await GetAsync(cache));
        }

        Assert.Single(factory.Created);
        Assert.All(clients, client => Assert.Same(clients[0], client));
        Assert.Equal(new Uri(ServiceUrl), clients[0].BaseUri);
    }

    [Fact]
    public async Task DisposingASharedClient_AtTheEndOfATurn_LeavesItOpenForTheNextTurn()
    {
        var cache = new ConnectorClientCache(time);

        var first = await GetAsync(cache);
        first.Dispose();
        var second = await GetAsync(cache);

        Assert.Same(first, second);
        Assert.False(Assert.Single(factory.Created).IsDisposed);
    }

    [Fact]
    public async Task ASharedClient_CannotBePointedAtAnotherServiceUrl()
    {
        var cache = new ConnectorClientCache(time);

        var client = await GetAsync(cache);

        Assert.Throws<NotSupportedException>(() => client.BaseUri = new Uri("https://elsewhere.test/"));
        Assert.Equal(new Uri(ServiceUrl), factory.Created[0].BaseUri);
    }

    [Fact]
    public async Task EachServiceUrlAudienceAndAppId_HasItsOwnClient()
    {
        var cache = new ConnectorClientCache(time);

        var clients = new[]
        {
            await GetAsync(cache),
            await GetAsync(cache, serviceUrl: "https://smba.example.test/emea/"),
            await GetAsync(cache, audience: "skill-app-id"),
            await GetAsync(cache, audience: null),
            await GetAsync(cache, appId: "app-2"),
            await GetAsync(cache, appId: null),
        };

        Assert.Equal(clients.Length, factory.Created.Count);
        Assert.Equal(clients.Length, clients.Distinct().Count());
        Assert.Equal(clients.Length, cache.Count);
    }

    [Fact]
    public async Task PastTheCapacity_NewServiceUrlsGetAFreshClientEachTime_ThatTheTurnDisposes()
    {
        var cache = new ConnectorClientCache(time, capacity: 2);
        var kept = await GetAsync(cache, "https://a.test/");
        await GetAsync(cache, "https://b.test/");

        var extra1 = await GetAsync(cache, "https://c.test/");
        var extra2 = await GetAsync(cache, "https://c.test/");
        extra1.Dispose();

        Assert.Equal(4, factory.Created.Count);
        Assert.Same(factory.Created[2], extra1);
        Assert.Same(factory.Created[3], extra2);
        Assert.True(factory.Created[2].IsDisposed);
        Assert.Equal(2, cache.Count);
        Assert.Same(kept, await GetAsync(cache, "https://a.test/"));
        Assert.Equal(4, factory.Created.Count);
    }

    [Fact]
    public async Task AClientOlderThanItsLifetime_IsReplaced_WithoutClosingIt()
    {
        var cache = new ConnectorClientCache(time, lifetime: TimeSpan.FromMinutes(2));
        var old = await GetAsync(cache);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Same(old, await GetAsync(cache));
        time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await GetAsync(cache);

        Assert.NotSame(old, renewed);
        Assert.Equal(2, factory.Created.Count);
        Assert.False(factory.Created[0].IsDisposed);
        Assert.Same(renewed, await GetAsync(cache));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task AFullCache_MakesRoomByDroppingExpiredClients()
    {
        var cache = new ConnectorClientCache(time, capacity: 1, lifetime: TimeSpan.FromMinutes(2));
        await GetAsync(cache, "https://a.test/");

        time.Advance(TimeSpan.FromMinutes(3));
        var b = await GetAsync(cache, "https://b.test/");

        Assert.Same(b, await GetAsync(cache, "https://b.test/"));
        Assert.Equal(2, factory.Created.Count);
        Assert.Equal(1, cache.Count);
    }
}
