using WeComHelpBot.Analytics;
using WeComHelpBot.Desk;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.LocalAccess;

/// <summary>
/// What the support commands (tickets, stats, kb gaps, users) read and change: answered from the database file when this
/// process may open it, or by the server that holds it through its local endpoint.
/// </summary>
public interface ISupportQueries
{
    Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketStatus? status, CancellationToken cancellationToken = default);

    Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="TicketNotFoundException"/>.</summary>
    Task<Ticket> CloseTicketAsync(string number, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeskAccount>> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a console account and audits it; throws <see cref="ArgumentException"/> (zh-CN message) when it cannot.</summary>
    Task<DeskAccount> AddAccountAsync(string name, DeskRole role, string password, CancellationToken cancellationToken = default);

    /// <summary>Disables the account and audits it; false when there is none.</summary>
    Task<bool> DisableAccountAsync(string name, CancellationToken cancellationToken = default);
}
