using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Channels;

/// <summary>Records in <see cref="HandoverSignals"/> a flow that ended with a ticket, for the channels that watch for it.</summary>
public sealed class HandoverSignalObserver(HandoverSignals signals) : IFlowObserver
{
    public Task OnFlowStartedAsync(ITurnContext turnContext, FlowDefinition flow, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task OnFlowCompletedAsync(ITurnContext turnContext, FlowDefinition flow, IReadOnlyDictionary<string, string> values, bool outermost, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (signals.IsWatched(activity.ChannelId)
            && activity.Conversation?.Id is { Length: > 0 } conversationId
            && values.GetValueOrDefault(CreateTicketAction.TicketNumberVariable) is { Length: > 0 } ticket)
        {
            signals.Record(conversationId, ticket);
        }

        return Task.CompletedTask;
    }
}
