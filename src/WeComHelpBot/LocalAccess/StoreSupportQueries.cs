using WeComHelpBot.Analytics;
using WeComHelpBot.Desk;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.LocalAccess;

/// <summary>The support queries answered by this process's own stores.</summary>
public sealed class StoreSupportQueries(TicketService tickets, SupportAnalytics analytics, DeskAccounts accounts, IAuditLog audit, TimeProvider time) : ISupportQueries
{
    public Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketStatus? status, CancellationToken cancellationToken = default) =>
        tickets.ListAsync(status, cancellationToken);

    public Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken = default) =>
        tickets.GetAsync(number, cancellationToken);

    public Task<Ticket> CloseTicketAsync(string number, CancellationToken cancellationToken = default) =>
        tickets.CloseAsync(number, cancellationToken);

    public Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        analytics.GetEventsAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<DeskAccount>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        accounts.ListAsync(cancellationToken);

    public async Task<DeskAccount> AddAccountAsync(string name, DeskRole role, string password, CancellationToken cancellationToken = default)
    {
        var account = await accounts.AddAsync(name, role, password, cancellationToken);
        await AuditAsync("account-add", account.Name, role == DeskRole.Lead ? "主管" : "客服", cancellationToken);
        return account;
    }

    public async Task<bool> DisableAccountAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!await accounts.DisableAsync(name, cancellationToken))
        {
            return false;
        }

        await AuditAsync("account-disable", name, null, cancellationToken);
        return true;
    }

    private Task AuditAsync(string action, string target, string? detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "wecomhelp", action, target, detail), cancellationToken);
}
