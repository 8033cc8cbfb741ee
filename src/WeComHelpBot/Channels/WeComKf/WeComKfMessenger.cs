using Microsoft.Extensions.Logging;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// Sends an agent's reply from the console to a 微信客服 customer by kf/send_msg. It counts against the customer's window
/// like any reply, and WeCom only delivers it while the session is 新接入待处理 or 由智能助手接待 (see README).
/// </summary>
public sealed class WeComKfMessenger(WeComKfService service, IWeComKfStore store, ILogger<WeComKfMessenger> logger) : IConversationMessenger
{
    public bool CanDeliver(string channelId) => string.Equals(channelId, WeComKfActivityMapper.ChannelId, StringComparison.OrdinalIgnoreCase);

    public async Task<bool> SendAsync(ConversationAddress address, string text, string? senderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var target = !string.IsNullOrEmpty(address.UserId) && !string.IsNullOrEmpty(address.AccountId)
            ? (address.AccountId, address.UserId)
            : await store.GetAddressAsync(address.ConversationId, cancellationToken);
        if (target is not { } found)
        {
            return false;
        }

        try
        {
            var sent = await service.TrySendAsync(address.ConversationId, found.Item1, found.Item2, WeComKfMessages.Text(WeComKfTexts.FromAgent(senderName, text)), cancellationToken);
            if (!sent)
            {
                logger.LogInformation("An agent's 微信客服 reply was not sent: the customer's sending window is used up or closed");
            }

            return sent;
        }
        catch (WeComApiException e)
        {
            logger.LogWarning("kf/send_msg refused an agent's reply with errcode {ErrorCode}", e.ErrorCode);
            return false;
        }
        catch (HttpRequestException)
        {
            logger.LogWarning("kf/send_msg could not be reached for an agent's reply");
            return false;
        }
    }
}
