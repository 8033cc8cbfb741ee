using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp stats`: how much the bot took off the support team, per day and in total.</summary>
public static class StatsCommand
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "text（默认）或 json", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var from = new Option<string?>("--from") { Description = "起始日期（含），如 2026-11-01" };
        var to = new Option<string?>("--to") { Description = "结束日期（含），如 2026-11-30" };
        var command = new Command("stats", "对话、解答、分流率、满意度等统计") { format, from, to };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryParseDate(parse.GetValue(from), out var fromDate) || !TryParseDate(parse.GetValue(to), out var toDate))
            {
                return await SupportCommandRunner.FailAsync(parse, "日期格式不对：请写成 2026-11-25 这样的年-月-日。");
            }

            if (fromDate > toDate)
            {
                return await SupportCommandRunner.FailAsync(parse, "--from 不能晚于 --to。");
            }

            return await SupportCommandRunner.RunAsync(parse, async (queries, services, output, token) =>
            {
                var fromTime = fromDate is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), China) : (DateTimeOffset?)null;
                var toTime = toDate is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), China) : (DateTimeOffset?)null;
                var events = await queries.GetEventsAsync(fromTime, toTime, token);
                var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
                var stats = SupportStatsCalculator.Calculate(events, fromDate, toDate, now);
                await output.WriteAsync(parse.GetValue(format) == "json" ? ToJson(stats) : ToText(stats));
                return 0;
            }, ct);
        });
        return command;
    }

    private static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static string ToJson(SupportStats stats) => JsonSerializer.Serialize(stats, new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + Environment.NewLine;

    private static string ToText(SupportStats stats)
    {
        var text = new StringBuilder();
        var period = (stats.From, stats.To) switch
        {
            (null, null) => "全部时间",
            _ => $"{stats.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "最早"} 至 {stats.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "今天"}",
        };
        text.Append($"统计范围：{period}（按北京时间）\n");
        if (stats.Total.Conversations == 0)
        {
            text.Append("这段时间没有记录到对话。\n");
            return text.ToString();
        }

        var t = stats.Total;
        text.Append("\n== 合计 ==\n");
        text.Append($"对话数：{t.Conversations}\n");
        text.Append($"提问数：{t.Questions}（已解答 {t.Answers}，答偏 {t.MisreadAnswers}，未解答 {t.Unanswered}，其中低置信度 {t.LowConfidence}；追问澄清 {t.ClarifyShown} 次）\n");
        text.Append($"知识命中率（答偏的不算）：{Percent(t.KnowledgeHitRate)}\n");
        text.Append($"解决率：{Percent(t.ResolutionRate)}（求助对话 {t.HelpConversations}：确认解决 {t.Confirmed}，推定解决 {t.Assumed}，未解决 {t.NotResolved}，不满 24 小时待定 {t.Pending}）\n");
        text.Append($"确认解决率：{Percent(t.ConfirmedResolutionRate)}\n");
        text.Append($"分流率（求助对话中没有转人工的）：{Percent(t.DeflectionRate)}\n");
        text.Append($"转人工率：{Percent(t.TransferToHumanRate)}（工单 {t.TicketsCreated} 张）\n");
        text.Append($"有帮助率：{Percent(t.HelpfulRate)}（有帮助 {t.Helpful}，没帮助 {t.NotHelpful}）\n");
        text.Append($"满意度：{(t.SatisfactionAverage is { } avg ? avg.ToString("0.00", CultureInfo.InvariantCulture) + " 分" : "—")}（{t.Ratings} 人评分，参与率 {Percent(t.RatingParticipation)}）\n");
        text.Append($"流程：开始 {t.FlowsStarted} 次，完成 {t.FlowsCompleted} 次\n");

        text.Append("\n== 每天 ==\n");
        text.Append("日期\t对话\t提问\t解答\t命中率\t解决率\t分流率\t转人工率\t有帮助率\t满意度\t参与率\t工单\n");
        foreach (var d in stats.Days)
        {
            text.Append(string.Join('\t',
                d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Conversations, d.Questions, d.Answers,
                Percent(d.KnowledgeHitRate), Percent(d.ResolutionRate), Percent(d.DeflectionRate), Percent(d.TransferToHumanRate), Percent(d.HelpfulRate),
                d.SatisfactionAverage?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—", Percent(d.RatingParticipation), d.TicketsCreated));
            text.Append('\n');
        }

        if (stats.TopEntries.Count > 0)
        {
            text.Append("\n== 最常用的知识条目 ==\n");
            foreach (var e in stats.TopEntries)
            {
                text.Append($"{e.EntryId}：解答 {e.Answers} 次，有帮助 {e.Helpful}，没帮助 {e.NotHelpful}\n");
            }
        }

        if (stats.TopNotHelpful.Count > 0)
        {
            text.Append("\n== 回答后被点“没帮助”的问题 ==\n");
            foreach (var q in stats.TopNotHelpful)
            {
                text.Append($"{q.Count} 次：{q.Question}\n");
            }
        }

        if (stats.TopUnanswered.Count > 0)
        {
            text.Append("\n== 最常见的未解答问题 ==\n");
            foreach (var q in stats.TopUnanswered)
            {
                text.Append($"{q.Count} 次：{q.Question}\n");
            }
        }

        if (stats.Flows.Count > 0)
        {
            text.Append("\n== 流程 ==\n");
            foreach (var f in stats.Flows)
            {
                text.Append($"{f.FlowId}：开始 {f.Started} 次，完成 {f.Completed} 次\n");
            }
        }

        return text.ToString();
    }

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
