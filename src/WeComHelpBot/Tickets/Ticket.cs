using WeComHelpBot.Privacy;

namespace WeComHelpBot.Tickets;

/// <summary>
/// A hand-over to a person. <see cref="ContactPhone"/> is the only raw personal value in the database (support calls it);
/// description, answers and turns are masked.
/// </summary>
public sealed record Ticket(
    string Number,
    DateTimeOffset CreatedAt,
    TicketStatus Status,
    string ConversationId,
    string ContactPhone,
    string CompanyName,
    string FailureCategory,
    string FailureDescription,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<TranscriptEntry> RecentTurns,
    string ExpectedResponse)
{
    public string? Source { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}
