namespace WeComHelpBot.Tickets;

/// <summary>What the ticket flow collected. <see cref="ContactPhone"/> must be a mainland mobile or a landline with area code.</summary>
public sealed record TicketRequest(
    string ConversationId,
    string ContactPhone,
    string CompanyName,
    string FailureCategory,
    string FailureDescription)
{
    /// <summary>The flow's answers so support does not ask again (step name → answer); values are masked when stored.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the hand-over came from: "转人工", "low_confidence", a flow id...</summary>
    public string? Source { get; init; }
}
