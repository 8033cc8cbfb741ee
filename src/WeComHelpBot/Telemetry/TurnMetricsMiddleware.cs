using System.Diagnostics;
using Microsoft.Bot.Builder;

namespace WeComHelpBot.Telemetry;

/// <summary>
/// Times every turn and counts the failed ones (<see cref="BotMetrics"/>). Registered right after the text sanitizer,
/// so a turn's time includes the bot and the transcript and state writes of the middleware after it.
/// </summary>
public sealed class TurnMetricsMiddleware(BotMetrics metrics) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (!metrics.MeasuresTurns)
        {
            // Metrics off: the turn pays for this one test only.
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                metrics.TurnFailed(turnContext.Activity?.ChannelId);
                throw;
            }

            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.TurnFailed(turnContext.Activity?.ChannelId);
            throw;
        }

        metrics.TurnCompleted(turnContext.Activity?.ChannelId, Stopwatch.GetElapsedTime(started));
    }
}
