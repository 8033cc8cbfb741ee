using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Desk;
using WeComHelpBot.Privacy;
using WeComHelpBot.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Desk;

/// <summary>
/// The support console's JSON API under /console/api: sign-in, tickets (list, page, reply, hand back, status, assignee,
/// notes), live events (server-sent), the audit log and the figures for the dashboard. Every call but sign-in needs a
/// session; every state-changing call needs the antiforgery header; leads alone see figures, the audit log and accounts.
/// </summary>
public sealed class ConsoleEndpoints(
    DeskAccounts accounts,
    SupportDesk desk,
    TicketService tickets,
    TranscriptStore transcripts,
    SupportAnalytics analytics,
    ConsoleTicketViews views,
    DeskEventHub events,
    IAuditLog audit,
    IAntiforgery antiforgery,
    IOptions<SupportOptions> options,
    ConsoleKnowledgeEndpoints knowledge,
    TimeProvider time)
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(20);

    public void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ConsoleAuthentication.ApiPrefix);
        api.MapPost("/login", LoginAsync).AllowAnonymous();

        var signedIn = api.MapGroup(string.Empty).RequireAuthorization();
        signedIn.MapGet("/session", Session);
        signedIn.MapGet("/tickets", ListTicketsAsync);
        signedIn.MapGet("/tickets/{id}", GetTicketAsync);
        signedIn.MapGet("/events", StreamEventsAsync);

        var changes = signedIn.MapGroup(string.Empty).AddEndpointFilter(ValidateAntiforgeryAsync);
        changes.MapPost("/logout", (Delegate)LogoutAsync);
        changes.MapPost("/tickets/{id}/reply", ReplyAsync);
        changes.MapPost("/tickets/{id}/release", ReleaseAsync);
        changes.MapPost("/tickets/{id}/status", SetStatusAsync);
        changes.MapPost("/tickets/{id}/assign", AssignAsync);
        changes.MapPost("/tickets/{id}/notes", AddNoteAsync);

        var lead = signedIn.MapGroup(string.Empty).RequireAuthorization(ConsoleAuthentication.LeadPolicy);
        lead.MapGet("/stats", StatsAsync);
        lead.MapGet("/stats.csv", StatsCsvAsync);
        lead.MapGet("/audit", AuditAsync);
        lead.MapGet("/accounts", (Delegate)AccountsAsync);
        knowledge.Map(lead, changes.MapGroup(string.Empty).RequireAuthorization(ConsoleAuthentication.LeadPolicy));
    }

    private async Task<IResult> LoginAsync(HttpContext context, LoginRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.User) || request.Password is null)
        {
            return Results.Json(new { error = "请填写账号和密码。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var (outcome, account) = await accounts.SignInAsync(request.User, request.Password, context.RequestAborted);
        if (outcome != SignInOutcome.Succeeded || account is null)
        {
            await desk.AuditAsync(request.User.Trim(), "login-failed", null, outcome.ToString(), context.RequestAborted);
            var message = outcome == SignInOutcome.LockedOut
                ? $"密码错误次数过多，账号已锁定 {options.Value.LockoutDuration.TotalMinutes:0} 分钟。"
                : "账号或密码不对。";
            return Results.Json(new { error = message, locked = outcome == SignInOutcome.LockedOut }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = ConsoleAuthentication.PrincipalFor(account);
        await context.SignInAsync(ConsoleAuthentication.Scheme, principal);

        // The antiforgery token is bound to the signed-in user: issue it for the new session, not the anonymous request.
        context.User = principal;
        await desk.AuditAsync(account.Name, "login", null, null, context.RequestAborted);
        return Results.Ok(SessionBody(context, account.Name, account.Role.ToString()));
    }

    private IResult Session(HttpContext context) =>
        Results.Ok(SessionBody(context, UserOf(context), context.User.FindFirstValue(ClaimTypes.Role) ?? nameof(DeskRole.Agent)));

    private object SessionBody(HttpContext context, string user, string role) => new
    {
        user,
        role = role.ToLowerInvariant(),
        csrfToken = antiforgery.GetAndStoreTokens(context).RequestToken,
    };

    private async Task<IResult> LogoutAsync(HttpContext context)
    {
        await desk.AuditAsync(UserOf(context), "logout", null, null, context.RequestAborted);
        await context.SignOutAsync(ConsoleAuthentication.Scheme);
        return Results.Ok(new { ok = true });
    }

    private async Task<IResult> ListTicketsAsync(
        HttpContext context, string? status, string? category, string? channel, DateOnly? from, DateOnly? to, string? q, bool? unread)
    {
        var user = UserOf(context);
        var statusFilter = ConsoleTicketViews.ParseStatus(status);
        if (!string.IsNullOrEmpty(status) && status != "all" && statusFilter is null)
        {
            return Results.Json(new { error = "status 只能是 new、inProgress、resolved、closed（或 新建、处理中、已解决、已关闭）。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var records = (await desk.ListRecordsAsync(context.RequestAborted)).ToDictionary(r => r.Number, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var rows = new List<object>();
        foreach (var ticket in await tickets.ListAsync(cancellationToken: context.RequestAborted))
        {
            var record = records.GetValueOrDefault(ticket.Number) ?? new TicketDeskRecord(ticket.Number, string.Empty, ticket.CreatedAt);
            var date = ChinaTime.DateOf(ticket.CreatedAt);
            if ((statusFilter is { } wanted && ConsoleTicketViews.StatusOf(ticket, record) != wanted)
                || (!string.IsNullOrEmpty(category) && !string.Equals(ticket.FailureCategory, category, StringComparison.Ordinal))
                || (!string.IsNullOrEmpty(channel) && !string.Equals(record.ChannelId, channel, StringComparison.Ordinal))
                || (from is { } start && date < start)
                || (to is { } end && date > end)
                || (unread == true && !ConsoleTicketViews.IsUnread(record, user))
                || (!string.IsNullOrWhiteSpace(q) && !Matches(ticket, q.Trim())))
            {
                continue;
            }

            rows.Add(views.Row(ticket, record, user, now, options.Value.UnansweredAfter));
        }

        return Results.Ok(rows);
    }

    private static bool Matches(Ticket ticket, string query) =>
        new[] { ticket.Number, ticket.CompanyName, ticket.FailureCategory, ticket.FailureDescription }
            .Concat(ticket.Answers.Values)
            .Any(text => text.Contains(query, StringComparison.OrdinalIgnoreCase));

    private async Task<IResult> GetTicketAsync(HttpContext context, string id)
    {
        var ticket = await tickets.GetAsync(id, context.RequestAborted);
        if (ticket is null)
        {
            return NotFound(id);
        }

        var user = UserOf(context);
        await desk.MarkReadAsync(ticket, user, context.RequestAborted);
        var record = await desk.GetRecordAsync(ticket, context.RequestAborted);
        var transcript = await transcripts.GetConversationAsync(ticket.ConversationId, context.RequestAborted);
        var hold = await desk.FindHoldAsync(ticket.ConversationId, context.RequestAborted);
        return Results.Ok(views.Detail(ticket, record, transcript, hold, user, time.GetUtcNow(), options.Value.UnansweredAfter));
    }

    private async Task<IResult> ReplyAsync(HttpContext context, string id, TextRequest? request)
    {
        var text = request?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            return Results.Json(new { error = "回复内容不能为空，也不能超过 2000 字。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        return await desk.ReplyAsync(id, UserOf(context), text, context.RequestAborted) switch
        {
            ReplyOutcome.Delivered => Results.Ok(new { delivered = true }),
            ReplyOutcome.NotFound => NotFound(id),
            ReplyOutcome.NoChannel => Results.Json(new { error = "这张工单的会话无法从工作台回复（例如命令行里创建的工单），请按联系电话联系用户。" }, statusCode: StatusCodes.Status409Conflict),
            _ => Results.Json(new { error = "消息没有送达：用户的会话可能已经结束，请按联系电话联系用户。" }, statusCode: StatusCodes.Status502BadGateway),
        };
    }

    private async Task<IResult> ReleaseAsync(HttpContext context, string id)
    {
        try
        {
            var released = await desk.ReleaseAsync(id, UserOf(context), context.RequestAborted);
            return Results.Ok(new { released });
        }
        catch (TicketNotFoundException)
        {
            return NotFound(id);
        }
    }

    private async Task<IResult> SetStatusAsync(HttpContext context, string id, StatusRequest? request)
    {
        if (ConsoleTicketViews.ParseStatus(request?.Status) is not { } status)
        {
            return Results.Json(new { error = "状态只能是 新建、处理中、已解决、已关闭。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        return await OnTicketAsync(id, () => desk.SetStatusAsync(id, UserOf(context), status, context.RequestAborted));
    }

    private Task<IResult> AssignAsync(HttpContext context, string id, AssignRequest? request) =>
        OnTicketAsync(id, () => desk.AssignAsync(id, UserOf(context), request?.Assignee, context.RequestAborted));

    private Task<IResult> AddNoteAsync(HttpContext context, string id, TextRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Text)
            ? Task.FromResult(Results.Json(new { error = "备注不能为空。" }, statusCode: StatusCodes.Status400BadRequest))
            : OnTicketAsync(id, () => desk.AddNoteAsync(id, UserOf(context), request.Text, context.RequestAborted));

    private static async Task<IResult> OnTicketAsync(string id, Func<Task> action)
    {
        try
        {
            await action();
            return Results.Ok(new { ok = true });
        }
        catch (TicketNotFoundException)
        {
            return NotFound(id);
        }
    }

    /// <summary>Server-sent events: one "data: {kind, ticket}" line per desk event, and a comment now and then so proxies keep the stream.</summary>
    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = events.Subscribe();
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                wait.CancelAfter(KeepAliveInterval);
                string line;
                try
                {
                    var next = await subscription.Reader.ReadAsync(wait.Token);
                    line = $"data: {JsonSerializer.Serialize(new { kind = next.Kind, ticket = next.TicketNumber })}\n\n";
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    line = ": keep-alive\n\n";
                }

                await context.Response.WriteAsync(line, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The console closed: nothing to clean up beyond the subscription.
        }
    }

    private async Task<IResult> StatsAsync(HttpContext context, DateOnly? from, DateOnly? to)
    {
        var stats = await CalculateStatsAsync(from, to, context.RequestAborted);
        var all = await tickets.ListAsync(cancellationToken: context.RequestAborted);
        var records = (await desk.ListRecordsAsync(context.RequestAborted)).ToDictionary(r => r.Number, StringComparer.Ordinal);
        var byChannel = all
            .Where(t => (from is null || ChinaTime.DateOf(t.CreatedAt) >= from) && (to is null || ChinaTime.DateOf(t.CreatedAt) <= to))
            .GroupBy(t => records.GetValueOrDefault(t.Number)?.ChannelId ?? string.Empty)
            .Select(g => new { channel = ConsoleTicketViews.ChannelText(g.Key), tickets = g.Count() });
        return Results.Ok(new
        {
            stats.Total,
            stats.Days,
            channels = stats.Channels.Select(c => c with { Channel = ConsoleTicketViews.ChannelText(c.Channel ?? string.Empty) }),
            stats.TopEntries,
            stats.TopQuestions,
            stats.TopUnanswered,
            stats.TopNotHelpful,
            ticketsByChannel = byChannel,
        });
    }

    /// <summary>The figures of [from, to] in China dates; events up to a day after <paramref name="to"/> still show a repeat.</summary>
    private async Task<SupportStats> CalculateStatsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var events = await analytics.GetEventsAsync(cancellationToken: cancellationToken);
        var inPeriod = events.Where(e => (from is null || ChinaTime.DateOf(e.Timestamp) >= from) && (to is null || ChinaTime.DateOf(e.Timestamp) <= to));
        return SupportStatsCalculator.Calculate(inPeriod, from, to, time.GetUtcNow());
    }

    private async Task<IResult> StatsCsvAsync(HttpContext context, DateOnly? from, DateOnly? to)
    {
        var stats = await CalculateStatsAsync(from, to, context.RequestAborted);
        var csv = new StringBuilder("日期,渠道,会话数,求助对话,提问数,已回答,答偏,未回答,确认解决,推定解决,未解决,待定,解决率,确认解决率,分流率,转人工率,有帮助,没帮助,转人工工单,满意度,满意率\n");
        foreach (var row in stats.Days.Append(stats.Total).Concat(stats.Channels))
        {
            csv.AppendLine(string.Join(',',
                row.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (row.Channel is null ? "合计" : "全部日期"),
                row.Channel is null ? "全部渠道" : ConsoleTicketViews.ChannelText(row.Channel),
                row.Conversations, row.HelpConversations, row.Questions, row.Answers, row.MisreadAnswers, row.Unanswered,
                row.Confirmed, row.Assumed, row.NotResolved, row.Pending,
                Rate(row.ResolutionRate), Rate(row.ConfirmedResolutionRate), Rate(row.DeflectionRate), Rate(row.TransferToHumanRate),
                row.Helpful, row.NotHelpful, row.TicketsCreated,
                row.SatisfactionAverage?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty, Rate(row.SatisfactionRate)));
        }

        await desk.AuditAsync(UserOf(context), "export-stats", null, null, context.RequestAborted);
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "wecomhelpbot-stats.csv");
    }

    private static string Rate(double? rate) => rate?.ToString("0.0%", CultureInfo.InvariantCulture) ?? string.Empty;

    private async Task<IResult> AuditAsync(HttpContext context, int? count) =>
        Results.Ok(await audit.ListAsync(Math.Clamp(count ?? 200, 1, 1000), context.RequestAborted));

    private async Task<IResult> AccountsAsync(HttpContext context) =>
        Results.Ok((await accounts.ListAsync(context.RequestAborted)).Select(a => new
        {
            name = a.Name,
            role = a.Role.ToString().ToLowerInvariant(),
            disabled = a.Disabled,
            locked = a.LockedUntil > time.GetUtcNow(),
            lastSignIn = a.LastSignIn,
        }));

    private async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Json(new { error = "页面已过期或请求来源不可信，请刷新页面后重试。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }

    private static string UserOf(HttpContext context) => context.User.Identity?.Name ?? "?";

    private static IResult NotFound(string id) => Results.Json(new { error = $"没有找到工单 {id}" }, statusCode: StatusCodes.Status404NotFound);

    public sealed record LoginRequest(string? User, string? Password);

    public sealed record TextRequest(string? Text);

    public sealed record StatusRequest(string? Status);

    public sealed record AssignRequest(string? Assignee);
}
