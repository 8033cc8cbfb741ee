using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Hears when flows start and finish (for analytics and the end-of-conversation survey). Register implementations in
/// DI as <c>services.AddSingleton&lt;IFlowObserver, MyObserver&gt;()</c>; they run inside the turn, in registration order.
/// </summary>
public interface IFlowObserver
{
    /// <summary>A flow began, by trigger, by id, by a call step or by 转人工; <paramref name="values"/> are its starting variables.</summary>
    Task OnFlowStartedAsync(ITurnContext turnContext, FlowDefinition flow, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);

    /// <summary>
    /// A flow reached its end (an end step or its last step), after its last message and before the flow it was called
    /// from continues. <paramref name="outermost"/> is true when no other flow is waiting for it.
    /// </summary>
    Task OnFlowCompletedAsync(ITurnContext turnContext, FlowDefinition flow, IReadOnlyDictionary<string, string> values, bool outermost, CancellationToken cancellationToken = default);
}
