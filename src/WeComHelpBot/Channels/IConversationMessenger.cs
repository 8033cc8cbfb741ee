namespace WeComHelpBot.Channels;

/// <summary>
/// Sends a message into an existing conversation outside a turn (an agent's reply from the support console, the notice
/// that the bot takes over again). Each channel that can deliver such messages registers one; the sender picks the one
/// whose <see cref="CanDeliver"/> accepts the conversation's channel.
/// </summary>
public interface IConversationMessenger
{
    /// <summary>Whether this messenger delivers to conversations of <paramref name="channelId"/> (as stored with the ticket).</summary>
    bool CanDeliver(string channelId);

    /// <summary>
    /// Delivers <paramref name="text"/> to the user of <paramref name="address"/>, shown as coming from
    /// <paramref name="senderName"/> (an agent's display name, or null for the bot). False when the conversation is gone
    /// or the channel refused it; the caller tells the agent.
    /// </summary>
    Task<bool> SendAsync(ConversationAddress address, string text, string? senderName, CancellationToken cancellationToken = default);
}
