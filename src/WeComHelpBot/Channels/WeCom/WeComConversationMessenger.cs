using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// Sends a message to a WeCom member outside a turn through message/send. The stored conversation id is a pseudonym,
/// so the address must carry the member's real UserID (kept encrypted with the ticket). An agent's name goes in front
/// of the text: the self-built app always shows the app as the sender.
/// </summary>
public sealed class WeComConversationMessenger(WeComApiClient client, IOptions<WeComOptions> options, ILogger<WeComConversationMessenger> logger) : IConversationMessenger
{
    public bool CanDeliver(string channelId) =>
        string.Equals(channelId, WeComActivityMapper.ChannelId, StringComparison.Ordinal) && options.Value.ActiveSendConfigured;

    public async Task<bool> SendAsync(ConversationAddress address, string text, string? senderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrEmpty(address.UserId))
        {
            return false;
        }

        var content = senderName is null ? text : $"【客服 {senderName}】{text}";
        try
        {
            foreach (var part in WeComTextSplitter.Split(content))
            {
                await client.SendTextAsync(address.UserId, part, cancellationToken);
            }

            return true;
        }
        catch (Exception ex) when (ex is WeComApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("WeCom message/send refused a console message: {Error}", ex.Message);
            return false;
        }
    }
}
