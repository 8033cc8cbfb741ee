using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Analytics;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Understanding;
using WeComHelpBot.Offers;
using WeComHelpBot.Recognition;
using WeComHelpBot.Support;

namespace WeComHelpBot.FollowUps;

/// <summary>
/// After flows, before the knowledge base (see MessagePipeline): answers what the bot just offered — 有帮助 / 没帮助 and its
/// reason, 带我做, 是 / 不用 to a ticket, the rating, a pick from the greeting menu — then 转人工 outside a flow and small
/// talk (你好 → menu, 谢谢, 再见 → rating, 你是真人吗 → who the bot is). A message that answers none of these lets the offer lapse and goes on.
/// </summary>
public sealed class SupportFollowUpHandler(
    SupportConversationMemory memory,
    SatisfactionSurvey survey,
    SupportAnalytics analytics,
    IFlowStarter flows,
    IKnowledgeReloader knowledge,
    ConversationOffers offers) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var state = await memory.GetAsync(turnContext, cancellationToken);
        var offered = await offers.GetAsync(turnContext, cancellationToken);
        var answered = offered.FollowUp is { Kind: OfferKind.AnswerFeedback or OfferKind.NotHelpfulReason, EntryId: not null } last ? last : null;
        if (offered.FollowUp is { } offer && await TryAnswerOfferAsync(turnContext, state, offered, offer, cancellationToken))
        {
            return true;
        }

        var text = turnContext.Activity.Text;
        if (InterruptionRecognizer.Recognize(text) == Interruption.Handover && flows.Flows.Any(f => f.Id == FlowCatalog.HandoverFlowId))
        {
            return await flows.StartFlowAsync(turnContext, FlowCatalog.HandoverFlowId, HandoverValues(answered), cancellationToken);
        }

        switch (SmallTalkRecognizer.Recognize(text))
        {
            case SmallTalk.Greeting:
                await SendMenuAsync(turnContext, cancellationToken);
                return true;
            case SmallTalk.Thanks:
                await turnContext.SendActivityAsync(SupportTexts.YoureWelcome, cancellationToken: cancellationToken);
                if (state.Helped)
                {
                    await survey.CloseAsync(turnContext, SatisfactionSurvey.EndedByThanks, cancellationToken);
                }

                return true;
            case SmallTalk.Goodbye:
                await turnContext.SendActivityAsync(SupportTexts.Goodbye, cancellationToken: cancellationToken);
                await survey.CloseAsync(turnContext, SatisfactionSurvey.EndedByGoodbye, cancellationToken);
                return true;
            case SmallTalk.AboutBot:
                var english = text is not null && LanguageDetector.IsEnglish(text);
                await turnContext.SendActivityAsync(english ? SupportTexts.EnglishAboutBot : SupportTexts.AboutBot, cancellationToken: cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// 转人工 right after an answer: the ticket is filed under that answer's topic and the question is the problem, so
    /// the hand-over does not ask what the user already said.
    /// </summary>
    private Dictionary<string, string> HandoverValues(PendingOffer? answered)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (answered?.EntryId is { } entryId && knowledge.Current.Knowledge.Find(entryId) is { } entry)
        {
            values["category"] = entry.Title;
            if (!string.IsNullOrWhiteSpace(answered.Question))
            {
                values["failure"] = answered.Question;
            }
        }

        return values;
    }

    private async Task<bool> TryAnswerOfferAsync(ITurnContext<IMessageActivity> turnContext, SupportConversationState state, OfferState offered, PendingOffer offer, CancellationToken cancellationToken)
    {
        var handled = offer.Kind switch
        {
            OfferKind.AnswerFeedback => await TryAnswerFeedbackAsync(turnContext, offer, cancellationToken),
            OfferKind.NotHelpfulReason => await TryAnswerReasonAsync(turnContext, offer, cancellationToken),
            OfferKind.TicketOffer => await TryAnswerTicketOfferAsync(turnContext, offer, cancellationToken),
            OfferKind.Menu => await TryPickFromMenuAsync(turnContext, offer, cancellationToken),
            _ => await survey.TryHandleReplyAsync(turnContext, state, cancellationToken),
        };
        if (!handled && ReferenceEquals(offered.FollowUp, offer))
        {
            // "带我做" stays on offer for a few turns; every other offer lapses when the message answers something else.
            if (offer is { Kind: OfferKind.AnswerFeedback, FlowId: not null, TurnsLeft: > 1 })
            {
                offer.TurnsLeft--;
                offer.FeedbackGiven = true;
            }
            else
            {
                await offers.EndFollowUpAsync(turnContext, cancellationToken);
            }
        }

        return handled;
    }

    private async Task<bool> TryAnswerFeedbackAsync(ITurnContext<IMessageActivity> turnContext, PendingOffer offer, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (offer.FlowId is { } flowId && FeedbackRecognizer.IsStepByStep(text))
        {
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
            return await flows.StartFlowAsync(turnContext, flowId, new Dictionary<string, string>(), offer.Question, cancellationToken);
        }

        // "检查了，还是不行" right after an answer with a guided flow: the flow takes over, with the topic already known.
        if (offer.FlowId is { } nextFlow && FeedbackRecognizer.IsStillFailing(text))
        {
            await offers.EndFollowUpAsync(turnContext, cancellationToken);
            if (!offer.FeedbackGiven)
            {
                await analytics.RecordFeedbackAsync(ConversationId(turnContext), offer.EntryId, offer.Question, helpful: false, NotHelpfulReason.RelatedButUnsolved, cancellationToken);
            }

            return await flows.StartFlowAsync(turnContext, nextFlow, new Dictionary<string, string>(), offer.Question, cancellationToken);
        }

        if (offer.FeedbackGiven || FeedbackRecognizer.RecognizeHelpful(text) is not { } helpful)
        {
            return false;
        }

        if (helpful)
        {
            await analytics.RecordFeedbackAsync(ConversationId(turnContext), offer.EntryId, offer.Question, helpful: true, cancellationToken: cancellationToken);
            offer.FeedbackGiven = true;
            if (offer.FlowId is null)
            {
                await offers.EndFollowUpAsync(turnContext, cancellationToken);
            }

            await turnContext.SendActivityAsync(SupportTexts.ThanksForFeedback, cancellationToken: cancellationToken);
            return true;
        }

        await offers.OfferAsync(turnContext, new PendingOffer
        {
            Kind = OfferKind.NotHelpfulReason,
            EntryId = offer.EntryId,
            Question = offer.Question,
            SuggestionIds = offer.SuggestionIds,
        }, cancellationToken);
        await turnContext.SendActivityAsync(
            ChoiceFactory.WithButtons(turnContext.Activity.ChannelId, SupportTexts.AskNotHelpfulReason, [SupportTexts.Irrelevant, SupportTexts.RelatedButUnsolved]),
            cancellationToken);
        return true;
    }

    /// <summary>
    /// Records 没帮助 once, with the reason when one is picked; then offers the other matches or a ticket. Anything else
    /// records it without a reason and goes on (a rephrased question gets answered).
    /// </summary>
    private async Task<bool> TryAnswerReasonAsync(ITurnContext<IMessageActivity> turnContext, PendingOffer offer, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var reason = FeedbackRecognizer.RecognizeReason(text);
        var skipped = reason is null && FeedbackRecognizer.IsSkip(text);
        await analytics.RecordFeedbackAsync(ConversationId(turnContext), offer.EntryId, offer.Question, helpful: false, reason, cancellationToken);
        await offers.EndFollowUpAsync(turnContext, cancellationToken);
        if (reason is null && !skipped)
        {
            return false;
        }

        var suggestions = offer.SuggestionIds.Select(knowledge.Current.Knowledge.Find).OfType<KnowledgeEntry>().Take(3).ToList();
        if (suggestions.Count == 0 && offer.EntryId is { } entryId && knowledge.Current.Knowledge.Find(entryId) is { } answered)
        {
            suggestions = answered.Related.Select(knowledge.Current.Knowledge.Find).OfType<KnowledgeEntry>().Take(3).ToList();
        }

        if (suggestions.Count == 0)
        {
            await offers.OfferAsync(turnContext, new PendingOffer { Kind = OfferKind.TicketOffer, Question = offer.Question, Source = "not_helpful" }, cancellationToken);
            await turnContext.SendActivityAsync(
                ChoiceFactory.WithButtons(turnContext.Activity.ChannelId, SupportTexts.OfferTicketAfterNotHelpful, [SupportTexts.Yes, SupportTexts.No]),
                cancellationToken);
            return true;
        }

        var titles = suggestions.Select(e => new Choice(e.Title)).ToList();
        var body = $"{ChoiceFactory.RenderFor(turnContext.Activity.ChannelId, SupportTexts.NextSuggestions, titles)}\n{SupportTexts.OrHandover}";
        await turnContext.SendActivityAsync(
            ChoiceFactory.WithButtons(turnContext.Activity.ChannelId, body, [.. titles.Select(t => t.Value), SupportTexts.Handover]),
            cancellationToken);
        await offers.OfferEntriesAsync(turnContext, suggestions.Select(e => e.Id), cancellationToken);
        return true;
    }

    private async Task<bool> TryAnswerTicketOfferAsync(ITurnContext<IMessageActivity> turnContext, PendingOffer offer, CancellationToken cancellationToken)
    {
        switch (YesNoRecognizer.Recognize(turnContext.Activity.Text))
        {
            case true:
                await offers.EndFollowUpAsync(turnContext, cancellationToken);
                var values = new Dictionary<string, string>
                {
                    ["source"] = offer.Source ?? SupportAnalytics.LowConfidence,
                    ["failure"] = offer.Question ?? string.Empty,
                };
                return await flows.StartFlowAsync(turnContext, FlowCatalog.HandoverFlowId, values, cancellationToken);
            case false:
                await offers.EndFollowUpAsync(turnContext, cancellationToken);
                await turnContext.SendActivityAsync(SupportTexts.TicketDeclined, cancellationToken: cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private async Task<bool> TryPickFromMenuAsync(ITurnContext<IMessageActivity> turnContext, PendingOffer offer, CancellationToken cancellationToken)
    {
        var menu = offer.FlowIds.Select(id => flows.Flows.FirstOrDefault(f => f.Id == id)).OfType<FlowDefinition>().ToList();
        var pick = ChoicePicker.Pick(turnContext.Activity.Text ?? string.Empty, menu.Select(f => f.Title).ToList());
        if (pick.OutOfRange)
        {
            await turnContext.SendActivityAsync(KnowledgeTexts.PickOutOfRange(menu.Count), cancellationToken: cancellationToken);
            return true;
        }

        if (!pick.Picked)
        {
            return false;
        }

        await offers.EndFollowUpAsync(turnContext, cancellationToken);
        return await flows.StartFlowAsync(turnContext, menu[pick.Index].Id, cancellationToken);
    }

    private async Task SendMenuAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var menu = flows.Flows.ToList();
        var choices = menu.Select(f => new Choice(f.Title)).ToList();
        await turnContext.SendActivityAsync(ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, choices, SupportTexts.Greeting), cancellationToken);
        await offers.OfferAsync(turnContext, new PendingOffer { Kind = OfferKind.Menu, FlowIds = menu.Select(f => f.Id).ToList() }, cancellationToken);
    }

    private static string ConversationId(ITurnContext turnContext) =>
        SupportConversationMemory.ConversationIdOf(turnContext) ?? throw new InvalidOperationException("The activity has no conversation id.");
}
