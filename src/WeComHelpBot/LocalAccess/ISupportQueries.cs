using WeComHelpBot.Analytics;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.LocalAccess;

/// <summary>
/// What the support commands (tickets, stats, kb gaps) read and change: answered from the database file when this
/// process may open it, or by the server that holds it through its local endpoint.
/// </summary>
public interface ISupportQueries
{
    Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketStatus? status, CancellationToken cancellationToken = default);

    Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="TicketNotFoundException"/>.</summary>
    Task<Ticket> CloseTicketAsync(string number, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);
}
