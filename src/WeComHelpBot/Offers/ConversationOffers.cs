using Microsoft.Bot.Builder;

namespace WeComHelpBot.Offers;

/// <summary>
/// The one owner of "what the bot just offered" (<see cref="OfferState"/>): the knowledge handler and the follow-up
/// handler read it here and change it only through these methods, so a newer offer always replaces an older one and a
/// "1" or "好的" answers the most recent. The object returned is the turn's cached state, saved at the end of the turn.
/// </summary>
public sealed class ConversationOffers(ConversationState conversationState)
{
    public const string PropertyName = "conversation.offer";

    private readonly IStatePropertyAccessor<OfferState> accessor = conversationState.CreateProperty<OfferState>(PropertyName);

    public Task<OfferState> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        accessor.GetAsync(turnContext, () => new OfferState(), cancellationToken);

    /// <summary>A new follow-up (feedback, a ticket, the rating, the menu): it replaces everything offered before, numbered entries included.</summary>
    public async Task OfferAsync(ITurnContext turnContext, PendingOffer followUp, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync(turnContext, cancellationToken);
        state.FollowUp = followUp;
        state.EntryIds = [];
    }

    /// <summary>
    /// The numbered entries of the reply being sent (none clears them). A follow-up offered under the same reply (its
    /// 有帮助 / 带我做 line) stays: one reply may offer both, and they do not compete for the same words.
    /// </summary>
    public async Task OfferEntriesAsync(ITurnContext turnContext, IEnumerable<string> entryIds, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync(turnContext, cancellationToken);
        state.EntryIds = entryIds.ToList();
    }

    /// <summary>The follow-up was answered, declined or lapsed; entries the last reply listed stay pickable.</summary>
    public async Task EndFollowUpAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync(turnContext, cancellationToken);
        state.FollowUp = null;
    }
}
