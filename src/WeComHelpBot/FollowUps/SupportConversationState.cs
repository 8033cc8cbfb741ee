using Newtonsoft.Json;

namespace WeComHelpBot.FollowUps;

/// <summary>
/// What the support part remembers about one conversation (conversation state, JSON-friendly). Properties at their
/// default are not written: Bot Builder serializes the whole state to hash it at every load and save (bench/README.md).
/// </summary>
public sealed class SupportConversationState
{
    /// <summary>ConversationStarted was recorded.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Started { get; set; }

    /// <summary>Clarify or out-of-scope replies in a row.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int LowConfidenceStreak { get; set; }

    /// <summary>The user got an answer, finished a flow or made a ticket: a thank-you then closes the conversation.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Helped { get; set; }

    /// <summary>The rating was given or declined: it is not asked again in this conversation.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool RatingDone { get; set; }

    /// <summary>A ticket was made in the flow that is running (the conversation then ends as "ticket_created").</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool TicketMade { get; set; }

    /// <summary>Knowledge answers shown so far (feedback is asked only on some of them).</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int AnswersShown { get; set; }
}
