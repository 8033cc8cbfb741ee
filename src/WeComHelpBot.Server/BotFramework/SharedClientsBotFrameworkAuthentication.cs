using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// Authenticates exactly as the inner BotFrameworkAuthentication does (JWT when MicrosoftAppId is set, anonymous in
/// local mode), and changes only the clients CloudAdapterBase builds for every request: connector clients come from
/// a <see cref="ConnectorClientCache"/> instead of being built and disposed per turn, and the UserTokenClient is built
/// only if the turn calls it. An expectReplies turn never calls either (its replies go back in the HTTP body).
/// </summary>
internal sealed class SharedClientsBotFrameworkAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache connectorClients) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        return Share(result);
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        return Share(result);
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), BotAppId(claimsIdentity), connectorClients);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(token => inner.CreateUserTokenClientAsync(claimsIdentity, token)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Share(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not SharedConnectorFactory)
        {
            result.ConnectorFactory = new SharedConnectorFactory(factory, BotAppId(result.ClaimsIdentity), connectorClients);
        }

        return result;
    }

    /// <summary>
    /// The app id the SDK's factory makes credentials for (the audience claim, else the appid claim; none when
    /// anonymous): clients made for one app id must not be handed to a turn of another.
    /// </summary>
    private static string? BotAppId(ClaimsIdentity? claimsIdentity) =>
        (claimsIdentity?.FindFirst(AuthenticationConstants.AudienceClaim) ?? claimsIdentity?.FindFirst(AuthenticationConstants.AppIdClaim))?.Value;
}
