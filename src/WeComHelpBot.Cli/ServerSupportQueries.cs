using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using WeComHelpBot.Analytics;
using WeComHelpBot.Desk;
using WeComHelpBot.LocalAccess;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli;

/// <summary>The support queries answered by the running server that holds the database, through its local endpoint.</summary>
public sealed class ServerSupportQueries(HttpClient client) : ISupportQueries, IDisposable
{
    public void Dispose() => client.Dispose();

    public async Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketStatus? status, CancellationToken cancellationToken = default)
    {
        var query = status switch
        {
            TicketStatus.Open => "?status=open",
            TicketStatus.Closed => "?status=closed",
            _ => string.Empty,
        };
        return await client.GetFromJsonAsync<List<Ticket>>(LocalSupportApi.Tickets + query, LocalSupportApi.JsonOptions, cancellationToken) ?? [];
    }

    public async Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(TicketPath(number), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Ticket>(LocalSupportApi.JsonOptions, cancellationToken);
    }

    public async Task<Ticket> CloseTicketAsync(string number, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync(TicketPath(number) + "/close", content: null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new TicketNotFoundException(number);
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Ticket>(LocalSupportApi.JsonOptions, cancellationToken)
            ?? throw new HttpRequestException("服务器返回了空的工单");
    }

    public async Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (from is { } f) query.Add("from=" + Uri.EscapeDataString(f.ToString("O", CultureInfo.InvariantCulture)));
        if (to is { } t) query.Add("to=" + Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture)));
        var path = LocalSupportApi.Events + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        return await client.GetFromJsonAsync<List<AnalyticsEvent>>(path, LocalSupportApi.JsonOptions, cancellationToken) ?? [];
    }

    public async Task<IReadOnlyList<DeskAccount>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        await client.GetFromJsonAsync<List<DeskAccount>>(LocalSupportApi.Accounts, LocalSupportApi.JsonOptions, cancellationToken) ?? [];

    public async Task<DeskAccount> AddAccountAsync(string name, DeskRole role, string password, CancellationToken cancellationToken = default)
    {
        var request = new LocalAccountRequest(name, role == DeskRole.Lead ? "lead" : "agent", password);
        using var response = await client.PostAsJsonAsync(LocalSupportApi.Accounts, request, LocalSupportApi.JsonOptions, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest
            && await response.Content.ReadFromJsonAsync<LocalAccountError>(LocalSupportApi.JsonOptions, cancellationToken) is { } error)
        {
            throw new ArgumentException(error.Error);
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<DeskAccount>(LocalSupportApi.JsonOptions, cancellationToken)
            ?? throw new HttpRequestException("服务器返回了空的账号");
    }

    public async Task<bool> DisableAccountAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync($"{LocalSupportApi.Accounts}/{Uri.EscapeDataString(name.Trim())}/disable", content: null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    private static string TicketPath(string number) => $"{LocalSupportApi.Tickets}/{Uri.EscapeDataString(number.Trim())}";
}
