using Microsoft.Bot.Builder;

namespace WeComHelpBot.Channels;

/// <summary>
/// Counts the turns of each conversation in its conversation state ("turnCount"), so that the count saved with the
/// state shows whether every turn's state was kept: a lost or overwritten save leaves it short. The bot saves the
/// state at the end of every turn, so counting costs no extra storage write.
/// </summary>
public sealed class ConversationTurnCounter : IMiddleware
{
    public const string PropertyName = "turnCount";

    private readonly IStatePropertyAccessor<int> turnCount;

    public ConversationTurnCounter(ConversationState conversationState)
    {
        turnCount = conversationState.CreateProperty<int>(PropertyName);
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Conversation?.Id is { Length: > 0 })
        {
            var count = await turnCount.GetAsync(turnContext, () => 0, cancellationToken);
            await turnCount.SetAsync(turnContext, count + 1, cancellationToken);
        }

        await next(cancellationToken);
    }
}
