using Microsoft.Bot.Builder;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>Counts the turns that pass through this instance, to tell which process's middleware ran.</summary>
public sealed class TurnCountingMiddleware : IMiddleware
{
    private int turns;

    public int Turns => turns;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref turns);
        await next(cancellationToken);
    }
}
