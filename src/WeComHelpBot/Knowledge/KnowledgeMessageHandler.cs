using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Offers;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Answers a message from the knowledge base and offers the entry's related topics as follow-up choices; near the
/// threshold it asks "您是想问…" with the top candidates; below it, it says the question is out of scope and lists
/// what the bot can do. A number or title on the next turn picks one of the choices offered. Observers
/// (<see cref="IKnowledgeTurnObserver"/>) hear every reply and may add lines and buttons under it. Last in the pipeline.
/// </summary>
public sealed class KnowledgeMessageHandler : IMessageHandler
{
    /// <summary>The last question answered from the knowledge base and its entry: a short message after it is read as its follow-up.</summary>
    public const string ContextProperty = "knowledge.context";

    private readonly IKnowledgeAnswerer answerer;
    private readonly IKnowledgeReloader knowledge;
    private readonly ConversationOffers offers;
    private readonly IStatePropertyAccessor<FollowUpContext> contextAccessor;
    private readonly ILogger<KnowledgeMessageHandler> logger;
    private readonly IReadOnlyList<IKnowledgeTurnObserver> observers;
    private readonly IFlowValueMasker? masker;

    public KnowledgeMessageHandler(
        IKnowledgeAnswerer answerer,
        IKnowledgeReloader knowledge,
        ConversationState conversationState,
        ILogger<KnowledgeMessageHandler> logger,
        IEnumerable<IKnowledgeTurnObserver>? observers = null,
        IFlowValueMasker? masker = null)
    {
        this.masker = masker;
        this.answerer = answerer;
        this.knowledge = knowledge;
        this.logger = logger;
        this.observers = observers?.ToList() ?? [];
        offers = new ConversationOffers(conversationState);
        contextAccessor = conversationState.CreateProperty<FollowUpContext>(ContextProperty);
    }

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        // The entries of the latest offer only: a newer follow-up (rating, menu, ticket) has replaced an older list.
        var pending = await offers.GetAsync(turnContext, cancellationToken);
        var offered = pending.EntryIds.Select(knowledge.Current.Knowledge.Find).OfType<KnowledgeEntry>().ToList();
        if (offered.Count > 0)
        {
            var pick = ChoicePicker.Pick(text, offered.Select(e => e.Title).ToList());
            if (pick.Picked)
            {
                logger.LogInformation("Picked offered entry {EntryId}", offered[pick.Index].Id);
                await contextAccessor.SetAsync(turnContext, new FollowUpContext(offered[pick.Index].Title, offered[pick.Index].Id), cancellationToken);
                await AnswerEntryAsync(turnContext, offered[pick.Index], null, cancellationToken);
                return true;
            }

            if (pick.OutOfRange)
            {
                await turnContext.SendActivityAsync(KnowledgeTexts.PickOutOfRange(offered.Count), cancellationToken: cancellationToken);
                return true;
            }
        }

        var context = await contextAccessor.GetAsync(turnContext, cancellationToken: cancellationToken);
        var answer = answerer.Answer(text, context);
        logger.LogInformation("Knowledge {Kind} {EntryId} with confidence {Score}", answer.Kind, answer.EntryId, answer.Score);
        // Kept in conversation state, so masked like every other text the bot stores.
        if (FollowUpContext.After(masker?.Mask(text) ?? text, answer) is { } next)
        {
            await contextAccessor.SetAsync(turnContext, next, cancellationToken);
        }
        else
        {
            await contextAccessor.DeleteAsync(turnContext, cancellationToken);
        }

        switch (answer.Kind)
        {
            case AnswerKind.Answer when knowledge.Current.Knowledge.Find(answer.EntryId!) is { } entry:
                await AnswerEntryAsync(turnContext, entry, answer, cancellationToken);
                break;
            case AnswerKind.Answer:
                await turnContext.SendActivityAsync(answer.Text ?? string.Empty, cancellationToken: cancellationToken);
                await offers.OfferEntriesAsync(turnContext, [], cancellationToken);
                break;
            case AnswerKind.Clarify when answer.Suggestions.Count > 0:
                var clarifyExtras = await NotAnsweredExtrasAsync(turnContext, answer, cancellationToken);
                await OfferAsync(turnContext, answer.Suggestions.Select(s => s.EntryId), answer.English ? KnowledgeTexts.EnglishClarifyPrompt : KnowledgeTexts.ClarifyPrompt, clarifyExtras, answer.English, cancellationToken);
                break;
            default:
                var extras = await NotAnsweredExtrasAsync(turnContext, answer, cancellationToken);
                var outOfScope = answer.English ? KnowledgeTexts.EnglishOutOfScope : KnowledgeTexts.OutOfScope;
                await turnContext.SendActivityAsync(
                    extras.IsEmpty ? MessageFactory.Text(outOfScope) : WithExtras(turnContext, outOfScope, [], extras),
                    cancellationToken);
                await offers.OfferEntriesAsync(turnContext, [], cancellationToken);
                break;
        }

        return true;
    }

    private async Task AnswerEntryAsync(ITurnContext<IMessageActivity> turnContext, KnowledgeEntry entry, KnowledgeAnswer? answer, CancellationToken cancellationToken)
    {
        // The answer's own text when there is one: it may be in English, or two entries side by side for a comparison.
        await turnContext.SendActivityAsync(answer?.Text ?? AnswerText.For(entry), cancellationToken: cancellationToken);
        var extras = KnowledgeReplyExtras.None;
        foreach (var observer in observers)
        {
            extras = extras.Add(await observer.OnAnsweredAsync(turnContext, entry, answer, cancellationToken));
        }

        var english = answer?.English == true;
        await OfferAsync(turnContext, entry.Related, english ? KnowledgeTexts.EnglishFollowUpPrompt : KnowledgeTexts.FollowUpPrompt, extras, english, cancellationToken);
    }

    private async Task<KnowledgeReplyExtras> NotAnsweredExtrasAsync(ITurnContext turnContext, KnowledgeAnswer answer, CancellationToken cancellationToken)
    {
        var extras = KnowledgeReplyExtras.None;
        foreach (var observer in observers)
        {
            extras = extras.Add(await observer.OnNotAnsweredAsync(turnContext, answer, cancellationToken));
        }

        return extras;
    }

    /// <summary>Offers entries as numbered choices, with the extras' lines under them; buttons for both where the channel has them.</summary>
    private async Task OfferAsync(ITurnContext<IMessageActivity> turnContext, IEnumerable<string> entryIds, string prompt, KnowledgeReplyExtras extras, bool english, CancellationToken cancellationToken)
    {
        var entries = entryIds.Select(knowledge.Current.Knowledge.Find).OfType<KnowledgeEntry>().DistinctBy(e => e.Id).ToList();
        if (entries.Count == 0)
        {
            await offers.OfferEntriesAsync(turnContext, [], cancellationToken);
            if (!extras.IsEmpty)
            {
                await turnContext.SendActivityAsync(WithExtras(turnContext, string.Join("\n", extras.Lines), [], extras with { Lines = [] }), cancellationToken);
            }

            return;
        }

        var choices = entries.Select(e => new Choice(english && e.English is { } en ? en.Title : e.Title)).ToList();
        await turnContext.SendActivityAsync(WithExtras(turnContext, ChoiceFactory.RenderFor(turnContext.Activity.ChannelId, prompt, choices), choices.Select(c => c.Value).ToList(), extras), cancellationToken);
        await offers.OfferEntriesAsync(turnContext, entries.Select(e => e.Id), cancellationToken);
    }

    private static IMessageActivity WithExtras(ITurnContext turnContext, string text, IReadOnlyList<string> buttons, KnowledgeReplyExtras extras)
    {
        var fullText = extras.Lines.Count == 0 ? text : $"{text}\n{string.Join("\n", extras.Lines)}";
        return ChoiceFactory.WithButtons(turnContext.Activity.ChannelId, fullText, [.. buttons, .. extras.Buttons]);
    }
}
