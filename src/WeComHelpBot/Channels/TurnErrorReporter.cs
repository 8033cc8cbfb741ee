using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Channels;

/// <summary>
/// Every adapter's OnTurnError: logs where and what failed (exception type and stack, never the message
/// text or the exception message, which may quote user input) and tells the user in zh-CN.
/// </summary>
public sealed class TurnErrorReporter(ILogger<TurnErrorReporter> logger)
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        logger.LogError(
            "Turn failed on channel {ChannelId} for a {ActivityType} activity: {ExceptionType}{NewLine}{StackTrace}",
            turnContext.Activity?.ChannelId,
            turnContext.Activity?.Type,
            exception.GetType().FullName,
            Environment.NewLine,
            exception.StackTrace);

        try
        {
            await turnContext.SendActivityAsync(ChannelTexts.TurnFailed);
        }
        catch (Exception sendFailure)
        {
            // The channel itself may be what failed (e.g. an unreachable serviceUrl): nothing more to tell the user.
            logger.LogWarning("Could not tell the user about the failed turn: {ExceptionType}", sendFailure.GetType().FullName);
        }
    }
}
