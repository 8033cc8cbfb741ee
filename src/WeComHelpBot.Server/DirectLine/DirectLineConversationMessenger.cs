using Microsoft.Bot.Schema;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// Puts a message into a web chat conversation outside a turn: a bot-side activity that Web Chat shows at its next
/// poll, under the agent's name when an agent sent it. A conversation that has expired cannot be reached any more.
/// </summary>
public sealed class DirectLineConversationMessenger(DirectLineConversationStore store, TimeProvider timeProvider) : IConversationMessenger
{
    public bool CanDeliver(string channelId) => string.Equals(channelId, DirectLineEndpoints.ChannelId, StringComparison.Ordinal);

    public Task<bool> SendAsync(ConversationAddress address, string text, string? senderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (store.Find(address.ConversationId) is not { } conversation)
        {
            return Task.FromResult(false);
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = DirectLineEndpoints.ChannelId,
            Conversation = new ConversationAccount(id: conversation.Id),
            From = senderName is null
                ? new ChannelAccount(DirectLineEndpoints.BotAccount.Id, DirectLineEndpoints.BotAccount.Name, RoleTypes.Bot)
                : new ChannelAccount($"agent:{senderName}", senderName, RoleTypes.Bot),
            Recipient = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            Text = text,
            TextFormat = TextFormatTypes.Plain,
            Locale = "zh-CN",
        };
        conversation.Append(activity, timeProvider.GetUtcNow(), 1024 + (2 * text.Length));
        return Task.FromResult(true);
    }
}
