using Microsoft.Bot.Builder;
using WeComHelpBot.Analytics;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Offers;
using WeComHelpBot.Privacy;
using WeComHelpBot.Support;

namespace WeComHelpBot.FollowUps;

/// <summary>
/// Follows the knowledge replies: records answers, unanswered questions and clarifications; after two low-confidence
/// replies in a row offers a ticket. Under an answer it asks 有帮助 / 没帮助 only once in a while (the first answer of a
/// conversation, then every <see cref="FeedbackEvery"/>th), so answers stay short; a 有帮助 / 没帮助 typed unasked is
/// still heard. An entry with a flow always gets its one-line 带我做 offer, which stays open for a few turns.
/// </summary>
public sealed class SupportKnowledgeObserver(
    SupportConversationMemory memory,
    ConversationOffers offers,
    SupportAnalytics analytics,
    FlowCatalog flows,
    PersonalDataMasker masker) : IKnowledgeTurnObserver
{
    /// <summary>Feedback is asked on the 1st answer of a conversation and then on every this-many-th.</summary>
    public const int FeedbackEvery = 3;

    /// <summary>Low-confidence replies in a row before a ticket is offered.</summary>
    public const int LowConfidenceLimit = 2;

    /// <summary>Score recorded for an entry the user picked from offered choices (they chose it themselves).</summary>
    public const double PickedScore = 1.0;

    public async Task<KnowledgeReplyExtras> OnAnsweredAsync(ITurnContext turnContext, KnowledgeEntry entry, KnowledgeAnswer? answer, CancellationToken cancellationToken = default)
    {
        var state = await memory.GetAsync(turnContext, cancellationToken);
        if (SupportConversationMemory.ConversationIdOf(turnContext) is { } conversationId)
        {
            await analytics.RecordKnowledgeAnsweredAsync(conversationId, entry.Id, answer?.Score ?? PickedScore, answer?.Question, cancellationToken);
        }

        state.LowConfidenceStreak = 0;
        state.Helped = true;
        var flow = entry.Flow is { } flowId && flows.Find(flowId) is not null ? flowId : null;
        await offers.OfferAsync(turnContext, new PendingOffer
        {
            Kind = OfferKind.AnswerFeedback,
            EntryId = entry.Id,
            Question = masker.Mask(answer?.Question ?? entry.Title),
            FlowId = flow,
            SuggestionIds = answer?.Suggestions.Select(s => s.EntryId).Where(id => id != entry.Id).ToList() ?? [],
        }, cancellationToken);

        var askFeedback = state.AnswersShown++ % FeedbackEvery == 0;
        List<string> lines = askFeedback ? [SupportTexts.FeedbackQuestion] : [];
        List<string> buttons = askFeedback ? [SupportTexts.Helpful, SupportTexts.NotHelpful] : [];
        if (flow is not null)
        {
            lines.Add(SupportTexts.FlowOffer);
            buttons.Add(SupportTexts.StepByStep);
        }

        return lines.Count == 0 ? KnowledgeReplyExtras.None : new KnowledgeReplyExtras(lines, buttons);
    }

    public async Task<KnowledgeReplyExtras> OnNotAnsweredAsync(ITurnContext turnContext, KnowledgeAnswer answer, CancellationToken cancellationToken = default)
    {
        var state = await memory.GetAsync(turnContext, cancellationToken);
        if (SupportConversationMemory.ConversationIdOf(turnContext) is { } conversationId)
        {
            var lowConfidence = answer.Kind == AnswerKind.Clarify || answer.Suggestions.Count > 0;

            // 没帮助 / 还是不行 typed where no answer was asked about is feedback, not a question the knowledge base lacks.
            if (!FeedbackRecognizer.IsFeedbackReply(answer.Question))
            {
                await analytics.RecordQuestionUnansweredAsync(conversationId, answer.Question, answer.Score, lowConfidence, cancellationToken);
            }

            if (answer.Kind == AnswerKind.Clarify)
            {
                await analytics.RecordClarifyShownAsync(conversationId, answer.Question, answer.Suggestions.Select(s => s.EntryId).ToList(), cancellationToken);
            }
        }

        // A 带我做 offer outlives a question the bot could not answer; other offers lapse.
        if ((await offers.GetAsync(turnContext, cancellationToken)).FollowUp is not { Kind: OfferKind.AnswerFeedback, FlowId: not null })
        {
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
        }

        state.LowConfidenceStreak++;
        if (state.LowConfidenceStreak < LowConfidenceLimit)
        {
            return KnowledgeReplyExtras.None;
        }

        state.LowConfidenceStreak = 0;
        await offers.OfferAsync(turnContext, new PendingOffer { Kind = OfferKind.TicketOffer, Question = masker.Mask(answer.Question), Source = SupportAnalytics.LowConfidence }, cancellationToken);
        return new KnowledgeReplyExtras([SupportTexts.OfferTicketAfterLowConfidence], [SupportTexts.Yes, SupportTexts.No]);
    }
}
