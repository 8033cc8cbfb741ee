using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using WeComHelpBot.Server.BotFramework;

namespace WeComHelpBot.Server.Tests.BotFramework;

public sealed class SharedClientsBotFrameworkAuthenticationTests
{
    private const string ServiceUrl = "https://channel.test/";

    private static SharedClientsBotFrameworkAuthentication FromConfiguration(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new SharedClientsBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(configuration), new ConnectorClientCache(TimeProvider.System));
    }

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-1",
        ChannelId = "emulator",
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(id: "conv-1"),
        From = new ChannelAccount("user-1"),
        Recipient = new ChannelAccount("bot-1"),
        Text = "你好",
    };

    private static ClaimsIdentity BotClaims(string appId) => new([new Claim(AuthenticationConstants.AudienceClaim, appId)]);

    [Fact]
    public async Task LocalMode_AuthenticatesAnonymously_AndEveryRequestGetsTheSameWorkingConnectorClient()
    {
        var authentication = FromConfiguration();

        var clients = new List<IConnectorClient>();
        for (var i = 0; i < 3; i++)
        {
            var result = await authentication.AuthenticateRequestAsync(Message(), string.Empty, CancellationToken.None);
            Assert.Equal(AuthenticationConstants.AnonymousAuthType, result.ClaimsIdentity.AuthenticationType);
            var client = await result.ConnectorFactory.CreateAsync(ServiceUrl, result.Audience, CancellationToken.None);
            clients.Add(client);
            client.Dispose();
        }

        Assert.All(clients, client => Assert.Same(clients[0], client));
        Assert.Equal(new Uri(ServiceUrl), clients[0].BaseUri);
        Assert.NotNull(clients[0].Conversations);
    }

    [Fact]
    public async Task WithAnAppId_RequestsWithoutAToken_AreStillRejected()
    {
        var authentication = FromConfiguration(("MicrosoftAppId", "00000000-0000-0000-0000-000000000001"), ("MicrosoftAppPassword", "not-used"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => authentication.AuthenticateRequestAsync(Message(), string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task ConnectorClients_AreSharedPerBotAppId()
    {
        var inner = new RecordingAuthentication();
        var authentication = new SharedClientsBotFrameworkAuthentication(inner, new ConnectorClientCache(TimeProvider.System));

        var app1 = await authentication.CreateConnectorFactory(BotClaims("app-1")).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        var app1Again = await authentication.CreateConnectorFactory(BotClaims("app-1")).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        var app2 = await authentication.CreateConnectorFactory(BotClaims("app-2")).CreateAsync(ServiceUrl, null!, CancellationToken.None);

        Assert.Same(app1, app1Again);
        Assert.NotSame(app1, app2);
        Assert.Equal(2, inner.ConnectorFactory.Created.Count);
    }

    [Fact]
    public async Task TheUserTokenClient_IsBuiltOnlyWhenTheTurnCallsIt_ForTheTurnsClaims()
    {
        var inner = new RecordingAuthentication();
        var authentication = new SharedClientsBotFrameworkAuthentication(inner, new ConnectorClientCache(TimeProvider.System));
        var claims = BotClaims("app-1");

        using (await authentication.CreateUserTokenClientAsync(claims, CancellationToken.None))
        {
        }

        Assert.Empty(inner.UserTokenClientsFor);

        using var used = await authentication.CreateUserTokenClientAsync(claims, CancellationToken.None);
        var token = await used.GetUserTokenAsync("user-1", "aad", "msteams", string.Empty, CancellationToken.None);

        Assert.Equal("token-user-1", token.Token);
        Assert.Same(claims, Assert.Single(inner.UserTokenClientsFor));
    }

    /// <summary>An inner authentication that records which clients it was asked for.</summary>
    private sealed class RecordingAuthentication : BotFrameworkAuthentication
    {
        public CountingConnectorFactory ConnectorFactory { get; } = new();

        public List<ClaimsIdentity> UserTokenClientsFor { get; } = [];

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => ConnectorFactory;

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        {
            UserTokenClientsFor.Add(claimsIdentity);
            return Task.FromResult<UserTokenClient>(new FakeUserTokenClient());
        }
    }
}
