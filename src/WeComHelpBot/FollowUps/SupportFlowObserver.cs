using Microsoft.Bot.Builder;
using WeComHelpBot.Analytics;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Offers;
using WeComHelpBot.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.FollowUps;

/// <summary>
/// Records flows started and completed (troubleshooting's resolved answer included), a hand-off whenever the handover
/// flow begins, and closes the conversation with the rating question when an outermost flow finishes.
/// </summary>
public sealed class SupportFlowObserver(SupportConversationMemory memory, ConversationOffers offers, SupportAnalytics analytics, SatisfactionSurvey survey) : IFlowObserver
{
    /// <summary>The variable a flow sets to say whether the problem was solved (troubleshooting's "能解决 / 还是不行").</summary>
    public const string ResolvedVariable = "resolved";

    /// <summary>The handover flow's variable naming where the hand-over came from.</summary>
    public const string SourceVariable = "source";

    public async Task OnFlowStartedAsync(ITurnContext turnContext, FlowDefinition flow, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        if (SupportConversationMemory.ConversationIdOf(turnContext) is not { } conversationId)
        {
            return;
        }

        var state = await memory.GetAsync(turnContext, cancellationToken);
        await offers.EndFollowUpAsync(turnContext, cancellationToken);
        state.LowConfidenceStreak = 0;
        await analytics.RecordFlowStartedAsync(conversationId, flow.Id, cancellationToken);
        if (flow.Id == FlowCatalog.HandoverFlowId)
        {
            var source = values.GetValueOrDefault(SourceVariable) is { Length: > 0 } s ? s : SupportTexts.Handover;
            await analytics.RecordHumanHandoffRequestedAsync(conversationId, source, cancellationToken);
        }
    }

    public async Task OnFlowCompletedAsync(ITurnContext turnContext, FlowDefinition flow, IReadOnlyDictionary<string, string> values, bool outermost, CancellationToken cancellationToken = default)
    {
        if (SupportConversationMemory.ConversationIdOf(turnContext) is not { } conversationId)
        {
            return;
        }

        bool? resolved = values.GetValueOrDefault(ResolvedVariable) switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
        await analytics.RecordFlowCompletedAsync(conversationId, flow.Id, resolved, cancellationToken);

        var state = await memory.GetAsync(turnContext, cancellationToken);
        state.Helped = true;
        var ticketMade = !string.IsNullOrEmpty(values.GetValueOrDefault(CreateTicketAction.TicketNumberVariable));
        if (ticketMade)
        {
            state.TicketMade = true;
        }

        if (outermost)
        {
            await survey.CloseAsync(turnContext, state.TicketMade ? SatisfactionSurvey.EndedByTicket : SatisfactionSurvey.EndedByFlow, cancellationToken);
            state.TicketMade = false;
        }
    }
}
