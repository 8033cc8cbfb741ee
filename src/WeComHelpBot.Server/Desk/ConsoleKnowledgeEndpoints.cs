using WeComHelpBot.Analytics;
using WeComHelpBot.Analytics.Gaps;
using WeComHelpBot.Desk;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Server.Desk;

/// <summary>
/// The lead's knowledge work under /console/api: the content gaps with their questions, the entries to accept a
/// question into, and the two changes (accept a question, add an entry). A change is kept only when kb validate and the
/// eval pass (see <see cref="GapEditor"/>); kept or refused, it is written to the audit log with who asked for it.
/// </summary>
public sealed class ConsoleKnowledgeEndpoints(GapEditor editor, IKnowledgeReloader knowledge, SupportAnalytics analytics, SupportDesk desk)
{
    /// <summary><paramref name="reads"/> and <paramref name="changes"/> are lead-only groups; changes also check antiforgery.</summary>
    public void Map(RouteGroupBuilder reads, RouteGroupBuilder changes)
    {
        reads.MapGet("/gaps", GapsAsync);
        reads.MapGet("/knowledge/entries", Entries);
        changes.MapPost("/gaps/accept", AcceptAsync);
        changes.MapPost("/knowledge/entries", AddEntryAsync);
    }

    private async Task<IResult> GapsAsync(HttpContext context, int? minCount)
    {
        var report = editor.FindGaps(await analytics.GetEventsAsync(cancellationToken: context.RequestAborted));
        return Results.Ok(new
        {
            questionCount = report.QuestionCount,
            nowAnsweredGroups = report.NowAnsweredGroups,
            gaps = report.Gaps.Where(g => g.Count >= Math.Max(1, minCount ?? 1)).Select(g => new
            {
                number = g.Number,
                representative = g.Representative,
                count = g.Count,
                variants = g.Variants.Select(v => new { text = v.Text, count = v.Count }),
                sources = g.Sources.ToDictionary(s => SourceText(s.Key), s => s.Value),
                proposedEntry = Entry(g.ProposedEntry),
                closestEntry = Entry(g.ClosestEntry),
                needsNewEntry = g.NeedsNewEntry,
                confidence = Math.Round(g.Confidence, 2),
                lastAsked = g.LastAsked,
                unsolvedEntries = g.UnsolvedEntries,
            }),
        });
    }

    private IResult Entries() =>
        Results.Ok(knowledge.Current.Knowledge.Entries.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => new { id = e.Id, title = e.Title }));

    private async Task<IResult> AcceptAsync(HttpContext context, AcceptRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.EntryId) || string.IsNullOrWhiteSpace(request.Question))
        {
            return Results.Json(new { error = "请选择条目并填写示例问题。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await editor.AcceptAsync(request.EntryId, request.Question, context.RequestAborted);
        return await ReportAsync(context, result, "gap-accept", request.EntryId.Trim(), request.Question.Trim());
    }

    private async Task<IResult> AddEntryAsync(HttpContext context, EntryRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Id) || string.IsNullOrWhiteSpace(request.Title) || string.IsNullOrWhiteSpace(request.Answer))
        {
            return Results.Json(new { error = "请填写条目 id、标题和回答。" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var draft = new NewEntryDraft(request.Id.Trim(), request.Title, request.Section ?? 0, request.Tags ?? [], request.Questions ?? [], request.Answer, request.Related ?? []);
        var result = await editor.AddEntryAsync(draft, context.RequestAborted);
        return await ReportAsync(context, result, "entry-add", draft.Id, draft.Title.Trim());
    }

    private async Task<IResult> ReportAsync(HttpContext context, GapEditResult result, string action, string target, string detail)
    {
        var user = context.User.Identity?.Name ?? "?";
        if (!result.Saved)
        {
            await desk.AuditAsync(user, action + "-refused", target, $"{detail}：{string.Join("；", result.Problems)}", context.RequestAborted);
            return Results.Json(new { error = "没有保存：改动没有通过检查。", problems = result.Problems }, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        await desk.AuditAsync(user, action, target, detail, context.RequestAborted);
        return Results.Ok(new { ok = true, entryId = result.EntryId, file = result.File });
    }

    private static object? Entry(KnowledgeEntry? entry) => entry is null ? null : new { id = entry.Id, title = entry.Title };

    private static string SourceText(GapSource source) => source switch
    {
        GapSource.Unanswered => "没答上",
        GapSource.LowConfidence => "把握不大",
        GapSource.NotHelpful => "没帮助",
        _ => source.ToString(),
    };

    public sealed record AcceptRequest(string? EntryId, string? Question);

    public sealed record EntryRequest(string? Id, string? Title, int? Section, string[]? Tags, string[]? Questions, string? Answer, string[]? Related);
}
