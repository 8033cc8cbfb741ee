using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Choices;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Answers a message from the knowledge base and offers the entry's related topics as follow-up choices; near the
/// threshold it asks "您是想问…" with the top candidates; below it, it says the question is out of scope and lists
/// what the bot can do. A number or title on the next turn picks one of the choices offered. Last in the pipeline.
/// </summary>
public sealed class KnowledgeMessageHandler : IMessageHandler
{
    public const string PendingProperty = "knowledge.pending";

    private readonly IKnowledgeAnswerer answerer;
    private readonly KnowledgeBase knowledge;
    private readonly IStatePropertyAccessor<PendingChoices> pendingAccessor;
    private readonly ILogger<KnowledgeMessageHandler> logger;

    public KnowledgeMessageHandler(IKnowledgeAnswerer answerer, KnowledgeBase knowledge, ConversationState conversationState, ILogger<KnowledgeMessageHandler> logger)
    {
        this.answerer = answerer;
        this.knowledge = knowledge;
        this.logger = logger;
        pendingAccessor = conversationState.CreateProperty<PendingChoices>(PendingProperty);
    }

    public int Order => 1000;

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        var pending = await pendingAccessor.GetAsync(turnContext, () => new PendingChoices(), cancellationToken);
        var offered = pending.EntryIds.Select(knowledge.Find).OfType<KnowledgeEntry>().ToList();
        if (offered.Count > 0)
        {
            var pick = ChoicePicker.Pick(text, offered.Select(e => e.Title).ToList());
            if (pick.Picked)
            {
                logger.LogInformation("Picked offered entry {EntryId}", offered[pick.Index].Id);
                await AnswerEntryAsync(turnContext, offered[pick.Index], cancellationToken);
                return true;
            }

            if (pick.OutOfRange)
            {
                await turnContext.SendActivityAsync(KnowledgeTexts.PickOutOfRange(offered.Count), cancellationToken: cancellationToken);
                return true;
            }
        }

        var answer = answerer.Answer(text);
        logger.LogInformation("Knowledge {Kind} {EntryId} with confidence {Score}", answer.Kind, answer.EntryId, answer.Score);
        switch (answer.Kind)
        {
            case AnswerKind.Answer when knowledge.Find(answer.EntryId!) is { } entry:
                await AnswerEntryAsync(turnContext, entry, cancellationToken);
                break;
            case AnswerKind.Answer:
                await turnContext.SendActivityAsync(answer.Text ?? string.Empty, cancellationToken: cancellationToken);
                await pendingAccessor.DeleteAsync(turnContext, cancellationToken);
                break;
            case AnswerKind.Clarify when answer.Suggestions.Count > 0:
                await OfferAsync(turnContext, answer.Suggestions.Select(s => s.EntryId), KnowledgeTexts.ClarifyPrompt, cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync(KnowledgeTexts.OutOfScope, cancellationToken: cancellationToken);
                await pendingAccessor.DeleteAsync(turnContext, cancellationToken);
                break;
        }

        return true;
    }

    private async Task AnswerEntryAsync(ITurnContext<IMessageActivity> turnContext, KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(AnswerText.For(entry), cancellationToken: cancellationToken);
        await OfferAsync(turnContext, entry.Related, KnowledgeTexts.FollowUpPrompt, cancellationToken);
    }

    private async Task OfferAsync(ITurnContext<IMessageActivity> turnContext, IEnumerable<string> entryIds, string prompt, CancellationToken cancellationToken)
    {
        var entries = entryIds.Select(knowledge.Find).OfType<KnowledgeEntry>().DistinctBy(e => e.Id).ToList();
        if (entries.Count == 0)
        {
            await pendingAccessor.DeleteAsync(turnContext, cancellationToken);
            return;
        }

        var choices = entries.Select(e => new Choice(e.Title)).ToList();
        await turnContext.SendActivityAsync(ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, choices, prompt), cancellationToken);
        await pendingAccessor.SetAsync(turnContext, new PendingChoices { EntryIds = entries.Select(e => e.Id).ToList() }, cancellationToken);
    }
}
