using Microsoft.Bot.Builder;

namespace WeComHelpBot.Bench.Floor;

/// <summary>The lightest bot that still loads and saves conversation state: counts turns and echoes the text.</summary>
public sealed class EchoBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> turnCount = conversationState.CreateProperty<int>("turnCount");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var count = await turnCount.GetAsync(turnContext, () => 0, cancellationToken);
        await turnCount.SetAsync(turnContext, count + 1, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text($"收到：{turnContext.Activity.Text}"), cancellationToken);
    }
}
