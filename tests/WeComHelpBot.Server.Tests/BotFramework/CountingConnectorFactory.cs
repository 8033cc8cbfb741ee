using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace WeComHelpBot.Server.Tests.BotFramework;

/// <summary>Stands in for the SDK's factory: a new <see cref="FakeConnectorClient"/> per call, all of them kept.</summary>
internal sealed class CountingConnectorFactory : ConnectorFactory
{
    private readonly List<FakeConnectorClient> created = [];

    public IReadOnlyList<FakeConnectorClient> Created => created;

    public Task<IConnectorClient> CreateClientAsync(string serviceUrl, CancellationToken cancellationToken = default) =>
        CreateAsync(serviceUrl, "https://api.botframework.com", cancellationToken);

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = new FakeConnectorClient(serviceUrl);
        created.Add(client);
        return Task.FromResult<IConnectorClient>(client);
    }
}
