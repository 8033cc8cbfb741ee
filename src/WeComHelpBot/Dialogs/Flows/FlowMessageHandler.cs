using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Continues the active flow; with none active, starts the flow the user asks for in their own words.
/// Anything else passes on to the next handler (support follow-ups, the knowledge base).
/// </summary>
public sealed class FlowMessageHandler(FlowRuntime runtime) : IMessageHandler
{

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        if (await runtime.ContinueAsync(turnContext, cancellationToken))
        {
            return true;
        }

        // The sentence that asked for the flow goes along: the steps it already answers are not asked.
        var match = runtime.Catalog.Triggers.Match(turnContext.Activity.Text);
        return match is not null && await runtime.StartFlowAsync(turnContext, match.Flow.Id, new Dictionary<string, string>(), turnContext.Activity.Text, cancellationToken);
    }
}
