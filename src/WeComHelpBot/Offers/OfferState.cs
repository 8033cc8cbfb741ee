using Newtonsoft.Json;

namespace WeComHelpBot.Offers;

/// <summary>
/// Everything the bot has just offered that the next message may answer, as one object in conversation state: the
/// numbered knowledge entries (related topics, "您是想问…", the next suggestions after 没帮助) and the follow-up
/// (有帮助 / 没帮助, 带我做, a ticket, the rating, the menu). Changed only through <see cref="ConversationOffers"/>.
/// An empty list and a missing follow-up are not written: Bot Builder serializes the whole conversation state to hash
/// it at every load and save, and each list costs a <c>$type</c> too (bench/README.md).
/// </summary>
public sealed class OfferState
{
    /// <summary>The knowledge entries offered as numbered choices, in order.</summary>
    public List<string> EntryIds { get; set; } = [];

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public PendingOffer? FollowUp { get; set; }

    /// <summary>Newtonsoft's convention: the list is written only when it holds entries (read back as the empty default).</summary>
    public bool ShouldSerializeEntryIds() => EntryIds.Count > 0;
}
