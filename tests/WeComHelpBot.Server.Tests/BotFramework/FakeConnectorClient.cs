using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace WeComHelpBot.Server.Tests.BotFramework;

/// <summary>A connector client that only knows its URL and whether it was disposed.</summary>
internal sealed class FakeConnectorClient(string serviceUrl) : IConnectorClient
{
    public Uri BaseUri { get; set; } = new(serviceUrl);

    public bool IsDisposed { get; private set; }

    public JsonSerializerSettings SerializationSettings => throw new NotSupportedException();

    public JsonSerializerSettings DeserializationSettings => throw new NotSupportedException();

    public ServiceClientCredentials Credentials => throw new NotSupportedException();

    public IAttachments Attachments => throw new NotSupportedException();

    public IConversations Conversations => throw new NotSupportedException();

    public void Dispose() => IsDisposed = true;
}
