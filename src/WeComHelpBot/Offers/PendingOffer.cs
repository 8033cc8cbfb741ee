using Newtonsoft.Json;

namespace WeComHelpBot.Offers;

/// <summary>
/// The follow-up the next message may answer (part of <see cref="OfferState"/>). Texts in it are masked. Values at their
/// default (null, 0, false, an empty list) are not written, as in <see cref="OfferState"/>; <see cref="TurnsLeft"/> always is,
/// since its default is not 0.
/// </summary>
public sealed class PendingOffer
{
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public OfferKind Kind { get; set; }

    /// <summary>The knowledge entry the feedback is about.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public string? EntryId { get; set; }

    /// <summary>The question that was answered (or not), masked.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public string? Question { get; set; }

    /// <summary>The flow 带我做 starts (feedback offers of entries with flow:).</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public string? FlowId { get; set; }

    /// <summary>Other entries that matched the question, offered after 没帮助.</summary>
    public List<string> SuggestionIds { get; set; } = [];

    /// <summary>The flows listed in the greeting's menu, in order.</summary>
    public List<string> FlowIds { get; set; } = [];

    /// <summary>The rating waiting for its reason.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int Rating { get; set; }

    /// <summary>Feedback was already given on this answer (the flow offer may still be open).</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool FeedbackGiven { get; set; }

    /// <summary>Turns the 带我做 offer stays open while the user says other things (it does not lapse after one turn).</summary>
    public int TurnsLeft { get; set; } = 3;

    /// <summary>Where a ticket offer came from ("low_confidence", "not_helpful").</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public string? Source { get; set; }

    /// <summary>Newtonsoft's convention: the list is written only when it holds entries (read back as the empty default).</summary>
    public bool ShouldSerializeSuggestionIds() => SuggestionIds.Count > 0;

    /// <summary>As <see cref="ShouldSerializeSuggestionIds"/>.</summary>
    public bool ShouldSerializeFlowIds() => FlowIds.Count > 0;
}
