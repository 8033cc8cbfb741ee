namespace WeComHelpBot.Channels.WeComAiBot;

/// <summary>
/// Sends an agent's reply to an AI bot chat with aibot_send_msg (markdown) over the long connection. Needs the member's
/// UserID (or the group's chatid) in <see cref="ConversationAddress.UserId"/>; false when there is none or no connection.
/// </summary>
public sealed class WeComAiBotMessenger(WeComAiBotConnection connection) : IConversationMessenger
{
    public bool CanDeliver(string channelId) => string.Equals(channelId, WeComAiBotHandler.ChannelId, StringComparison.OrdinalIgnoreCase);

    public Task<bool> SendAsync(ConversationAddress address, string text, string? senderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrEmpty(address.UserId))
        {
            return Task.FromResult(false);
        }

        var content = string.IsNullOrWhiteSpace(senderName) ? text : $"**客服 {senderName}**：{text}";
        return connection.SendAsync(WeComAiBotFrames.SendMarkdown(WeComAiBotFrames.NewReqId("aibot_send_msg"), address.UserId, content), cancellationToken);
    }
}
