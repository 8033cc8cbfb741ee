using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// A connector client that many turns use: CloudAdapterBase disposes the client of every turn when the turn ends,
/// which must not close this one. It is never disposed; when <see cref="ConnectorClientCache"/> replaces it, a turn
/// may still be sending with it, and the garbage collector takes it afterwards.
/// </summary>
internal sealed class SharedConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public Uri BaseUri
    {
        get => inner.BaseUri;

        // Pointing a shared client elsewhere would send other conversations' replies there.
        set => throw new NotSupportedException("This connector client is shared across turns; its BaseUri cannot change.");
    }

    public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;

    public ServiceClientCredentials Credentials => inner.Credentials;

    public IAttachments Attachments => inner.Attachments;

    public IConversations Conversations => inner.Conversations;

    public void Dispose()
    {
    }
}
