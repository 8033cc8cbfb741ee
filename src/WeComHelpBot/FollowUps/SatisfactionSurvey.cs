using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Analytics;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Offers;
using WeComHelpBot.Recognition;
using WeComHelpBot.Support;

namespace WeComHelpBot.FollowUps;

/// <summary>
/// The end-of-conversation rating: asked when a conversation ends (a flow finished, a ticket made, a goodbye), at most
/// until it is answered or declined; 1–3 stars ask for an optional reason. Everything is recorded in <see cref="SupportAnalytics"/>.
/// </summary>
public sealed class SatisfactionSurvey(SupportConversationMemory memory, ConversationOffers offers, SupportAnalytics analytics, IKnowledgeAnswerer answerer)
{
    public const string EndedByGoodbye = "goodbye";
    public const string EndedByThanks = "thanks";
    public const string EndedByFlow = "flow_completed";
    public const string EndedByTicket = "ticket_created";

    private static readonly string[] Buttons = ["5 非常满意", "4 满意", "3 一般", "2 不满意", "1 很不满意"];

    /// <summary>Records that the conversation ended and asks for the rating unless it was answered, declined or is already waiting.</summary>
    public async Task CloseAsync(ITurnContext turnContext, string reason, CancellationToken cancellationToken = default)
    {
        if (SupportConversationMemory.ConversationIdOf(turnContext) is not { } conversationId)
        {
            return;
        }

        await analytics.RecordConversationEndedAsync(conversationId, reason, cancellationToken);
        var state = await memory.GetAsync(turnContext, cancellationToken);
        if (state.RatingDone || (await offers.GetAsync(turnContext, cancellationToken)).FollowUp?.Kind is OfferKind.Rating or OfferKind.RatingReason)
        {
            return;
        }

        await turnContext.SendActivityAsync(ChoiceFactory.WithButtons(turnContext.Activity.ChannelId, SupportTexts.RatingQuestion, Buttons), cancellationToken);
        await analytics.RecordRatingRequestedAsync(conversationId, cancellationToken);
        await offers.OfferAsync(turnContext, new PendingOffer { Kind = OfferKind.Rating }, cancellationToken);
    }

    /// <summary>
    /// A message that asks for something rather than rating: a question by its wording, a request for a person, or a
    /// text the knowledge base answers ("对公打款一直没到账").
    /// </summary>
    private bool IsNewRequest(string? text) =>
        QuestionDetector.LooksLikeQuestion(text)
        || InterruptionRecognizer.Recognize(text) == Interruption.Handover
        || (TextNormalizer.Normalize(text).Length >= 4 && answerer.Answer(text ?? string.Empty).Kind == AnswerKind.Answer);

    /// <summary>Handles a reply to the rating question or to the reason question; false when the message is something else.</summary>
    public async Task<bool> TryHandleReplyAsync(ITurnContext<IMessageActivity> turnContext, SupportConversationState state, CancellationToken cancellationToken = default)
    {
        var conversationId = SupportConversationMemory.ConversationIdOf(turnContext);
        var offer = (await offers.GetAsync(turnContext, cancellationToken)).FollowUp;
        if (conversationId is null || offer is null)
        {
            return false;
        }

        var text = turnContext.Activity.Text;
        if (offer.Kind == OfferKind.RatingReason)
        {
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
            state.RatingDone = true;
            if (FeedbackRecognizer.IsSkip(text) || RatingRecognizer.Recognize(text).Declined)
            {
                await analytics.RecordRatingAsync(conversationId, offer.Rating, null, cancellationToken);
                await turnContext.SendActivityAsync(SupportTexts.ThanksForRating(offer.Rating), cancellationToken: cancellationToken);
                return true;
            }

            if (IsNewRequest(text))
            {
                // A new question rather than a reason: keep the rating, answer the question.
                await analytics.RecordRatingAsync(conversationId, offer.Rating, null, cancellationToken);
                return false;
            }

            await analytics.RecordRatingAsync(conversationId, offer.Rating, text, cancellationToken);
            await turnContext.SendActivityAsync(SupportTexts.ThanksForReason, cancellationToken: cancellationToken);
            return true;
        }

        if (offer.Kind != OfferKind.Rating)
        {
            return false;
        }

        var reply = RatingRecognizer.Recognize(text);
        if (reply.Rating is null && !reply.Declined && IsNewRequest(text))
        {
            // A question typed instead of a score goes on to be answered; the rating may still come later.
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
            return false;
        }

        if (reply.Declined)
        {
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
            state.RatingDone = true;
            await turnContext.SendActivityAsync(SupportTexts.RatingDeclined, cancellationToken: cancellationToken);
            return true;
        }

        if (reply.OutOfRange)
        {
            await turnContext.SendActivityAsync(SupportTexts.RatingOutOfRange, cancellationToken: cancellationToken);
            return true;
        }

        if (reply.Rating is not { } rating)
        {
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
            return false;
        }

        if (rating <= 3 && reply.Reason is null)
        {
            await offers.OfferAsync(turnContext, new PendingOffer { Kind = OfferKind.RatingReason, Rating = rating }, cancellationToken);
            await turnContext.SendActivityAsync(SupportTexts.AskRatingReason, cancellationToken: cancellationToken);
            return true;
        }

        await offers.EndFollowUpAsync(turnContext, cancellationToken);
        state.RatingDone = true;
        await analytics.RecordRatingAsync(conversationId, rating, reply.Reason, cancellationToken);
        await turnContext.SendActivityAsync(reply.Reason is null ? SupportTexts.ThanksForRating(rating) : SupportTexts.ThanksForReason, cancellationToken: cancellationToken);
        return true;
    }
}
