using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// POST /api/messages: the Bot Framework protocol. The body is read and checked here (size, JSON, the fields the
/// bot's state needs) and answered 400/413 when it is not usable; a usable Activity goes through CloudAdapter.
/// Turns of one conversation run one at a time.
/// </summary>
public sealed class BotMessagesEndpoint(HelpBotCloudAdapter adapter, IBot bot, ConversationTurnGate turnGate, ILogger<BotMessagesEndpoint> logger)
{
    /// <summary>Bot Framework channels cap an activity well below this.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "BadArgument", $"The body is larger than {MaxBodyBytes} bytes.");
            return;
        }

        if (!ActivityJson.TryRead(body, out var activity, out var error) || (error = Check(activity!, request)) is not null)
        {
            logger.LogInformation("Rejected a /api/messages request: {Reason}", error);
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", error!);
            return;
        }

        InvokeResponse? response;
        try
        {
            using var lease = await turnGate.EnterAsync($"{activity!.ChannelId}:{activity.Conversation.Id}", context.RequestAborted);
            response = await adapter.ProcessCheckedActivityAsync(request.Headers.Authorization, activity, bot, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized for this bot.");
            return;
        }

        await ActivityJson.WriteAsync(context.Response, response?.Status ?? StatusCodes.Status200OK, response?.Body);
    }

    /// <summary>The fields without which the turn cannot run or its replies cannot be delivered.</summary>
    private static string? Check(Activity activity, HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
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

        if (expectReplies)
        {
            activity.DeliveryMode = DeliveryModes.ExpectReplies;
        }

        return null;
    }
}
