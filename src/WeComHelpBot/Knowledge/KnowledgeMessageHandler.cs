using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Knowledge;

/// <summary>Answers a message from the knowledge base. Last in the pipeline: it always takes the turn.</summary>
public sealed class KnowledgeMessageHandler(IKnowledgeAnswerer answerer) : Bot.IMessageHandler
{
    public int Order => 1000;

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var answer = answerer.Answer(turnContext.Activity.Text ?? string.Empty);
        var reply = answer.Answered ? answer.Text! : "这个问题我还答不上来。";
        await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        return true;
    }
}
