using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using WeComHelpBot.Bot;
using WeComHelpBot.Desk;
using WeComHelpBot.LocalAccess;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.LocalAccess;

/// <summary>
/// The support queries of `wecomhelp tickets|stats|kb gaps` for a server that holds the database file alone (Direct).
/// Only a process on this machine that can read server.json gets in: the caller must connect from loopback, not through
/// a proxy, and send the token of server.json (<see cref="LocalAccessToken.HeaderName"/>). Anyone else gets 404 (not
/// from loopback) or 401 (no or wrong token).
/// </summary>
public sealed class LocalAccessEndpoints(ISupportQueries queries, BotPaths paths)
{
    /// <summary>This run's secret; a new one each start, so a copied server.json stops working at the next restart.</summary>
    public string Token { get; } = LocalAccessToken.Create();

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(LocalSupportApi.Prefix).AddEndpointFilter(RequireLocalCallerAsync);
        group.MapGet(string.Empty, () => TypedResults.Json(new { databaseFile = Path.GetFullPath(paths.DatabaseFile) }, LocalSupportApi.JsonOptions));
        group.MapGet("/tickets", ListTicketsAsync);
        group.MapGet("/tickets/{number}", GetTicketAsync);
        group.MapPost("/tickets/{number}/close", CloseTicketAsync);
        group.MapGet("/events", GetEventsAsync);
        group.MapGet("/accounts", async (CancellationToken cancellationToken) =>
            TypedResults.Json(await queries.ListAccountsAsync(cancellationToken), LocalSupportApi.JsonOptions));
        group.MapPost("/accounts", AddAccountAsync);
        group.MapPost("/accounts/{name}/disable", async Task<Results<Ok, NotFound>> (string name, CancellationToken cancellationToken) =>
            await queries.DisableAccountAsync(name, cancellationToken) ? TypedResults.Ok() : TypedResults.NotFound());
    }

    private async Task<Results<JsonHttpResult<DeskAccount>, BadRequest<LocalAccountError>>> AddAccountAsync(LocalAccountRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var role = string.Equals(request.Role, "lead", StringComparison.Ordinal) ? DeskRole.Lead : DeskRole.Agent;
            return TypedResults.Json(await queries.AddAccountAsync(request.Name ?? string.Empty, role, request.Password ?? string.Empty, cancellationToken), LocalSupportApi.JsonOptions);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.BadRequest(new LocalAccountError(ex.Message.Split(" (Parameter")[0]));
        }
    }

    /// <summary>
    /// True for a connection from this machine that no proxy forwarded. The forwarded-headers middleware has already
    /// replaced the address of a proxied request with the client's and kept the proxy's in X-Original-For; a header that
    /// was not believed is still there as X-Forwarded-For. Either means the request did not come straight from here.
    /// </summary>
    public static bool IsDirectLocalCall(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For")
        && !context.Request.Headers.ContainsKey("X-Original-For");

    private async ValueTask<object?> RequireLocalCallerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!IsDirectLocalCall(context))
        {
            return TypedResults.NotFound();
        }

        if (!LocalAccessToken.Matches(Token, context.Request.Headers[LocalAccessToken.HeaderName]))
        {
            return TypedResults.Unauthorized();
        }

        return await next(invocation);
    }

    private async Task<Results<JsonHttpResult<IReadOnlyList<Ticket>>, BadRequest>> ListTicketsAsync(string? status, CancellationToken cancellationToken)
    {
        TicketStatus? filter = status switch
        {
            null or "" or "all" => null,
            "open" => TicketStatus.Open,
            "closed" => TicketStatus.Closed,
            _ => (TicketStatus)(-1),
        };
        if (filter is { } value && !Enum.IsDefined(value))
        {
            return TypedResults.BadRequest();
        }

        return TypedResults.Json(await queries.ListTicketsAsync(filter, cancellationToken), LocalSupportApi.JsonOptions);
    }

    private async Task<Results<JsonHttpResult<Ticket>, NotFound>> GetTicketAsync(string number, CancellationToken cancellationToken) =>
        await queries.GetTicketAsync(number, cancellationToken) is { } ticket
            ? TypedResults.Json(ticket, LocalSupportApi.JsonOptions)
            : TypedResults.NotFound();

    private async Task<Results<JsonHttpResult<Ticket>, NotFound>> CloseTicketAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Json(await queries.CloseTicketAsync(number, cancellationToken), LocalSupportApi.JsonOptions);
        }
        catch (TicketNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private async Task<Results<JsonHttpResult<IReadOnlyList<WeComHelpBot.Analytics.AnalyticsEvent>>, BadRequest>> GetEventsAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        if (!TryParseTime(from, out var fromTime) || !TryParseTime(to, out var toTime))
        {
            return TypedResults.BadRequest();
        }

        return TypedResults.Json(await queries.GetEventsAsync(fromTime, toTime, cancellationToken), LocalSupportApi.JsonOptions);
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
