using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// The ConnectorFactory a turn gets: the shared client for its serviceUrl and audience, made by the SDK's factory
/// (credentials for <paramref name="appId"/>) the first time.
/// </summary>
internal sealed class SharedConnectorFactory(ConnectorFactory inner, string? appId, ConnectorClientCache cache) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(appId, serviceUrl, audience, token => inner.CreateAsync(serviceUrl, audience, token), cancellationToken);
}
