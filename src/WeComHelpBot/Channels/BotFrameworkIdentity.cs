using Microsoft.Bot.Schema;

namespace WeComHelpBot.Channels;

/// <summary>
/// The conversation and user ids the bot sees for an activity received on the Bot Framework endpoint (/api/messages).
/// There the client names its own channel, conversation and user, so an id it sends is never used as it is:
/// <c>botframework:{channel}:{id}</c> is what the state, transcripts, tickets, analytics and the turn gate are keyed by.
/// The ingresses we host ourselves (WeCom, the web chat's Direct Line, those to come) make their own ids and never
/// start one with <see cref="Prefix"/>, so no claim in a Bot Framework activity, in any spelling, can name their
/// conversations; and two Bot Framework channels with the same conversation id stay two conversations.
/// The channel keeps the client's ids: replies are sent with the ids it sent (<see cref="Restore(Activity)"/>).
/// </summary>
public static class BotFrameworkIdentity
{
    public const string Prefix = "botframework:";

    /// <summary>The id the bot uses for <paramref name="id"/> of <paramref name="channelId"/>; the channel is escaped so the first ':' after the prefix ends it.</summary>
    public static string Qualify(string channelId, string id)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(id);
        return string.Concat(Prefix, Uri.EscapeDataString(channelId), ":", id);
    }

    /// <summary>The id the client sent, from an id made by <see cref="Qualify"/>; null for any other id.</summary>
    public static string? Unqualify(string? id)
    {
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = id.IndexOf(':', Prefix.Length);
        return separator < 0 ? null : id[(separator + 1)..];
    }

    /// <summary>Replaces the conversation and sender of an incoming activity with qualified copies (the objects are not shared with anything else).</summary>
    public static void QualifyIncoming(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = activity.ChannelId ?? throw new ArgumentException("The activity has no channelId.", nameof(activity));
        if (activity.Conversation?.Id is { } conversationId)
        {
            activity.Conversation = WithId(activity.Conversation, Qualify(channelId, conversationId));
        }

        if (activity.From?.Id is { } fromId)
        {
            activity.From = WithId(activity.From, Qualify(channelId, fromId));
        }
    }

    /// <summary>
    /// Gives an outgoing activity (addressed from the incoming one) the conversation and recipient ids the client sent.
    /// New objects replace the old: the outgoing activity shares them with the turn's incoming activity, which must keep
    /// its qualified ids until the turn's state is saved.
    /// </summary>
    public static void Restore(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Unqualify(activity.Conversation?.Id) is { } conversationId)
        {
            activity.Conversation = WithId(activity.Conversation!, conversationId);
        }

        if (Unqualify(activity.Recipient?.Id) is { } recipientId)
        {
            activity.Recipient = WithId(activity.Recipient!, recipientId);
        }
    }

    private static ConversationAccount WithId(ConversationAccount account, string id) =>
        new(account.IsGroup, account.ConversationType, id, account.Name, account.AadObjectId, account.Role, account.TenantId)
        {
            Properties = account.Properties,
        };

    private static ChannelAccount WithId(ChannelAccount account, string id) =>
        new(id, account.Name, account.Role, account.AadObjectId)
        {
            Properties = account.Properties,
        };
}
