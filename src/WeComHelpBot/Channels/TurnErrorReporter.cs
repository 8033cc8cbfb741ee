using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Channels;

/// <summary>
/// Every adapter's OnTurnError: logs where and what failed (exception type and stack, never the message
/// text or the exception message, which may quote user input) and tells the user in zh-CN. A database that cannot be
/// used is not a bug in the turn: it gets one log line without a stack trace (the health check reports the rest).
/// </summary>
public sealed class TurnErrorReporter(ILogger<TurnErrorReporter> logger)
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        if (FindStorageFailure(exception) is { } storage)
        {
            logger.LogError(
                "Turn failed on channel {ChannelId}: the database cannot be used ({Cause})",
                turnContext.Activity?.ChannelId,
                (storage.InnerException ?? storage).GetType().Name);
            await TellUserAsync(turnContext, ChannelTexts.StorageUnavailable);
            return;
        }

        logger.LogError(
            "Turn failed on channel {ChannelId} for a {ActivityType} activity: {ExceptionType}{NewLine}{StackTrace}",
            turnContext.Activity?.ChannelId,
            turnContext.Activity?.Type,
            exception.GetType().FullName,
            Environment.NewLine,
            exception.StackTrace);

        await TellUserAsync(turnContext, ChannelTexts.TurnFailed);
    }

    /// <summary>
    /// The storage failure behind <paramref name="exception"/>: ours, LiteDB's own from a write queued by a store, or a
    /// PostgreSQL connection lost in the middle of a command (transient; a PostgresException for bad SQL is a bug).
    /// </summary>
    public static Exception? FindStorageFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is StorageUnavailableException or LiteDB.LiteException or PostgresUnavailableException or NpgsqlException { IsTransient: true })
            {
                return current;
            }
        }

        return null;
    }

    private async Task TellUserAsync(ITurnContext turnContext, string text)
    {
        try
        {
            await turnContext.SendActivityAsync(text);
        }
        catch (Exception sendFailure)
        {
            // The channel itself may be what failed (e.g. an unreachable serviceUrl): nothing more to tell the user.
            logger.LogWarning("Could not tell the user about the failed turn: {ExceptionType}", sendFailure.GetType().FullName);
        }
    }
}
