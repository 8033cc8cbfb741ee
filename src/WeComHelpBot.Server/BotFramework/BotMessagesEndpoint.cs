using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// POST /api/messages: the Bot Framework protocol. The body is read and checked here (size, JSON, the fields the
/// bot's state needs) and answered 400/413 when it is not usable; a usable Activity goes through CloudAdapter.
/// Turns of one conversation run one at a time. The client names its channel, conversation and user here, so the bot
/// sees them qualified (<see cref="BotFrameworkIdentity"/>) and they can never name a conversation of the channels we
/// host ourselves. In local mode <see cref="LocalModePolicy"/> decides who may post and where replies may go.
/// </summary>
public sealed class BotMessagesEndpoint(HelpBotCloudAdapter adapter, IBot bot, ConversationTurnGate turnGate, LocalModePolicy localMode, ILogger<BotMessagesEndpoint> logger)
{
    /// <summary>Bot Framework channels cap an activity well below this.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (localMode.IsLocalMode && !localMode.IsClientAllowed(request))
        {
            // No address in the line: it is personal data, and the setting is what the operator needs to know.
            logger.LogWarning("Refused a /api/messages request in local mode from a client outside loopback and BotFramework:LocalNetworks");
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "Forbidden", "Without MicrosoftAppId this endpoint serves only this machine and BotFramework:LocalNetworks.");
            return;
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "BadArgument", $"The body is larger than {MaxBodyBytes} bytes.");
            return;
        }

        if (!ActivityJson.TryRead(body, out var activity, out var error) || (error = Check(activity!, request, localMode)) is not null)
        {
            logger.LogInformation("Rejected a /api/messages request: {Reason}", error);
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", error!);
            return;
        }

        BotFrameworkIdentity.QualifyIncoming(activity!);
        InvokeResponse? response;
        try
        {
            using var lease = await turnGate.EnterTurnAsync(activity!.Conversation.Id, bot, context.RequestAborted);
            response = await adapter.ProcessCheckedActivityAsync(request.Headers.Authorization, activity, lease.Bot, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized for this bot.");
            return;
        }

        await ActivityJson.WriteAsync(context.Response, response?.Status ?? StatusCodes.Status200OK, response?.Body);
    }

    /// <summary>The fields without which the turn cannot run or its replies cannot be delivered.</summary>
    private static string? Check(Activity activity, HttpRequest request, LocalModePolicy localMode)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (!IsChannelIdShaped(activity.ChannelId))
        {
            return "The activity's channelId is not a channel id (letters, digits, '.', '_' or '-', at most 64).";
        }

        if (IsReservedChannelId(activity.ChannelId))
        {
            return "The activity's channelId names a channel this server hosts itself; /api/messages takes Bot Framework channels only.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no from.id.";
        }

        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            if (!expectReplies)
            {
                return "The activity has no serviceUrl to send replies to (or use deliveryMode \"expectReplies\").";
            }

            // Replies come back in the response body; the connector made for this URL is never called.
            activity.ServiceUrl = $"{request.Scheme}://{request.Host}/";
        }
        else if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            return "The activity's serviceUrl is not an absolute http(s) URL.";
        }
        else if (!expectReplies && localMode.IsLocalMode && !localMode.IsServiceUrlAllowed(serviceUrl))
        {
            // Unauthenticated, the serviceUrl would let anyone make this server POST to any address it can reach.
            return "The activity's serviceUrl is not in BotFramework:AllowedServiceUrls; use deliveryMode \"expectReplies\" or add its origin there.";
        }

        if (expectReplies)
        {
            activity.DeliveryMode = DeliveryModes.ExpectReplies;
        }

        return null;
    }

    /// <summary>Bot Framework channel ids are short ASCII names (msteams, emulator, directline, webchat …).</summary>
    private static bool IsChannelIdShaped(string channelId) =>
        channelId.Length <= 64 && channelId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>
    /// WeCom and its relatives (wecom-kf, a WeCom AI bot) reach the bot only through /wecom/callback. Their
    /// conversations are out of reach anyway (ids are qualified); refusing the name keeps a claimed "wecom" activity from
    /// being treated as one anywhere that looks at the channel (replies, tickets, the support console).
    /// </summary>
    private static bool IsReservedChannelId(string channelId)
    {
        var letters = new string([.. channelId.Where(char.IsAsciiLetterOrDigit)]);
        return letters.StartsWith(WeComActivityMapper.ChannelId, StringComparison.OrdinalIgnoreCase);
    }
}
