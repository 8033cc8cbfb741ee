using WeComHelpBot.Analytics;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.LocalAccess;

/// <summary>The support queries answered by this process's own stores.</summary>
public sealed class StoreSupportQueries(TicketService tickets, SupportAnalytics analytics) : ISupportQueries
{
    public Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketStatus? status, CancellationToken cancellationToken = default) =>
        tickets.ListAsync(status, cancellationToken);

    public Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken = default) =>
        tickets.GetAsync(number, cancellationToken);

    public Task<Ticket> CloseTicketAsync(string number, CancellationToken cancellationToken = default) =>
        tickets.CloseAsync(number, cancellationToken);

    public Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        analytics.GetEventsAsync(from, to, cancellationToken);
}
