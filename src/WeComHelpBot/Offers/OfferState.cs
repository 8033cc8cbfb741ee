namespace WeComHelpBot.Offers;

/// <summary>
/// Everything the bot has just offered that the next message may answer, as one object in conversation state: the
/// numbered knowledge entries (related topics, "您是想问…", the next suggestions after 没帮助) and the follow-up
/// (有帮助 / 没帮助, 带我做, a ticket, the rating, the menu). Changed only through <see cref="ConversationOffers"/>.
/// </summary>
public sealed class OfferState
{
    /// <summary>The knowledge entries offered as numbered choices, in order.</summary>
    public List<string> EntryIds { get; set; } = [];

    public PendingOffer? FollowUp { get; set; }
}
