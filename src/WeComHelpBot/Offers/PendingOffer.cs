namespace WeComHelpBot.Offers;

/// <summary>The follow-up the next message may answer (part of <see cref="OfferState"/>). Texts in it are masked.</summary>
public sealed class PendingOffer
{
    public OfferKind Kind { get; set; }

    /// <summary>The knowledge entry the feedback is about.</summary>
    public string? EntryId { get; set; }

    /// <summary>The question that was answered (or not), masked.</summary>
    public string? Question { get; set; }

    /// <summary>The flow 带我做 starts (feedback offers of entries with flow:).</summary>
    public string? FlowId { get; set; }

    /// <summary>Other entries that matched the question, offered after 没帮助.</summary>
    public List<string> SuggestionIds { get; set; } = [];

    /// <summary>The flows listed in the greeting's menu, in order.</summary>
    public List<string> FlowIds { get; set; } = [];

    /// <summary>The rating waiting for its reason.</summary>
    public int Rating { get; set; }

    /// <summary>Feedback was already given on this answer (the flow offer may still be open).</summary>
    public bool FeedbackGiven { get; set; }

    /// <summary>Turns the 带我做 offer stays open while the user says other things (it does not lapse after one turn).</summary>
    public int TurnsLeft { get; set; } = 3;

    /// <summary>Where a ticket offer came from ("low_confidence", "not_helpful").</summary>
    public string? Source { get; set; }
}
