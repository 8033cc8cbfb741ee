using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Starts a flow by id from anywhere in the bot (a knowledge entry's flow:, the welcome menu).</summary>
public interface IFlowStarter
{
    /// <summary>The flows users can start, for menus.</summary>
    IReadOnlyList<FlowDefinition> Flows { get; }

    /// <summary>Ends any active flow and begins <paramref name="flowId"/>; false when no such flow is loaded.</summary>
    Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, CancellationToken cancellationToken = default);

    /// <summary>As above, with starting values for the flow's variables (e.g. what the user already told the bot).</summary>
    Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);

    /// <summary>As above, with the sentence that asked for the flow: the steps it already answers are not asked.</summary>
    Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, IReadOnlyDictionary<string, string> values, string? utterance, CancellationToken cancellationToken = default);
}
