using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics.Gaps;
using WeComHelpBot.Analytics;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Cli.Commands;

/// <summary>
/// `wecomhelp kb gaps [--min-count N] [--format json]` lists what users asked that the knowledge base did not serve,
/// grouped and ranked; `kb gaps --accept N [--entry ID]` writes group N's question into an entry's file.
/// </summary>
public static class KbGapsCommand
{
    public static Command Create(BotHost host)
    {
        var minCount = new Option<int>("--min-count") { Description = "只列出至少被问过这么多次的组（默认 1）", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "text（默认）或 json", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var accept = new Option<int?>("--accept") { Description = "把第 N 组的代表问题写进建议的条目（作为新的示例问题）" };
        var entry = new Option<string?>("--entry") { Description = "和 --accept 一起用：写进这个条目，而不是建议的条目" };
        var command = new Command("gaps", "找内容缺口：把没答上、没帮助的问题归组，建议加进哪个条目或需要新条目") { minCount, format, accept, entry };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(minCount) < 1)
            {
                error.WriteLine("--min-count 至少是 1");
                return 2;
            }

            if (parse.GetValue(entry) is not null && parse.GetValue(accept) is null)
            {
                error.WriteLine("--entry 要和 --accept N 一起用");
                return 2;
            }

            using var services = host.Start(parse);
            // The running server's events when it holds the database; the knowledge base is read from the files either way.
            var queries = SupportQueriesConnector.ConnectAsync(CommonOptions.ToPaths(parse), services).GetAwaiter().GetResult();
            IReadOnlyList<AnalyticsEvent> events;
            try
            {
                events = queries.GetEventsAsync(null, null).GetAwaiter().GetResult();
            }
            finally
            {
                (queries as IDisposable)?.Dispose();
            }

            var finder = new ContentGapFinder(services.GetRequiredService<KnowledgeRetriever>(), services.GetRequiredService<KnowledgeIndex>());
            var report = finder.Find(GapQuestion.FromEvents(events));
            return parse.GetValue(accept) is { } number
                ? Accept(parse, services.GetRequiredService<KnowledgeBase>(), report, number, parse.GetValue(entry))
                : List(parse, report, parse.GetValue(minCount), parse.GetValue(format) == "json");
        });
        return command;
    }

    private static int List(ParseResult parse, ContentGapReport report, int minCount, bool json)
    {
        var output = parse.InvocationConfiguration.Output;
        var gaps = report.Gaps.Where(g => g.Count >= minCount).ToList();
        if (json)
        {
            output.WriteLine(CliJson.Serialize(gaps.Select(ToJson)));
            return 0;
        }

        output.WriteLine($"没答上或没帮助的问题 {report.QuestionCount} 个，归成 {report.Gaps.Count} 组" +
                         (report.NowAnsweredGroups > 0 ? $"（另有 {report.NowAnsweredGroups} 组知识库现在已能直接回答，不再列出）" : string.Empty) +
                         (minCount > 1 ? $"；下面是至少问过 {minCount} 次的 {gaps.Count} 组：" : "："));
        foreach (var gap in gaps)
        {
            output.WriteLine();
            output.WriteLine($"{gap.Number}. “{gap.Representative}”  问了 {gap.Count} 次（{SourcesText(gap.Sources)}）");
            var others = gap.Variants.Where(v => v.Text != gap.Representative).ToList();
            if (others.Count > 0)
            {
                output.WriteLine($"   类似问法：{string.Join("、", others.Take(5).Select(v => v.Count > 1 ? $"{v.Text}（{v.Count}）" : v.Text))}{(others.Count > 5 ? $" 等 {others.Count} 种" : string.Empty)}");
            }

            output.WriteLine(gap.ProposedEntry is { } proposed
                ? $"   建议：加为条目 {proposed.Id}（{proposed.Title}）的新示例问题（相近度 {gap.Confidence:0.00}）"
                : $"   建议：需要新条目" + (gap.ClosestEntry is { } closest ? $"（最接近的 {closest.Id}“{closest.Title}”相近度只有 {gap.Confidence:0.00}）" : string.Empty));
            if (gap.UnsolvedEntries.Count > 0)
            {
                output.WriteLine($"   注意：条目 {string.Join("、", gap.UnsolvedEntries)} 的回答被标为“相关但没解决”，答案可能需要补充");
            }
        }

        if (gaps.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("采纳建议：wecomhelp kb gaps --accept 编号；要换一个条目：--accept 编号 --entry 条目id");
        }

        return 0;
    }

    private static int Accept(ParseResult parse, KnowledgeBase knowledge, ContentGapReport report, int number, string? entryId)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (report.Gaps.FirstOrDefault(g => g.Number == number) is not { } gap)
        {
            error.WriteLine(report.Gaps.Count == 0 ? "现在没有内容缺口可以采纳" : $"没有第 {number} 组（共 {report.Gaps.Count} 组，先运行 wecomhelp kb gaps 看编号）");
            return 2;
        }

        KnowledgeEntry? target;
        if (entryId is not null)
        {
            target = knowledge.Find(entryId.Trim());
            if (target is null)
            {
                error.WriteLine($"知识库里没有条目 {entryId}");
                return 2;
            }
        }
        else if (gap.ProposedEntry is null)
        {
            error.WriteLine($"第 {number} 组（“{gap.Representative}”）需要新条目，没有可以直接加入的条目：请在 knowledge/ 里新建条目，或用 --entry 条目id 指定一个");
            return 2;
        }
        else
        {
            target = gap.ProposedEntry;
        }

        if (gap.Representative.Contains('*'))
        {
            error.WriteLine($"第 {number} 组的代表问题里有打码的号码（“{gap.Representative}”），不适合当示例问题，请手工改写后加入");
            return 2;
        }

        var key = TextNormalizer.Normalize(gap.Representative);
        if (target.Questions.Any(q => TextNormalizer.Normalize(q) == key))
        {
            error.WriteLine($"条目 {target.Id} 已经有示例问题“{gap.Representative}”");
            return 2;
        }

        GapAcceptResult result;
        try
        {
            result = GapAcceptor.Accept(CommonOptions.ToPaths(parse).KnowledgeDirectory, target, gap.Representative);
        }
        catch (FormatException ex)
        {
            error.WriteLine($"{target.SourceFile}: {ex.Message}（文件没有改动）");
            return 1;
        }

        if (!result.Accepted)
        {
            error.WriteLine($"写入后知识库检查不通过，已恢复 {target.SourceFile}：");
            foreach (var problem in result.Problems)
            {
                error.WriteLine(problem);
            }

            return 1;
        }

        var written = result.Reloaded.Knowledge.Find(target.Id)!;
        output.WriteLine($"已把“{gap.Representative}”加为条目 {target.Id}（{target.Title}）的第 {written.Questions.Count} 个示例问题：{target.SourceFile}");
        output.WriteLine($"知识库检查通过：{result.Reloaded.FileCount} 个文件，{result.Reloaded.Knowledge.Entries.Count} 条条目。建议再运行 wecomhelp kb eval 确认检索效果。");
        return 0;
    }

    private static string SourcesText(IReadOnlyDictionary<GapSource, int> sources)
    {
        var parts = new List<string>();
        if (sources.GetValueOrDefault(GapSource.Unanswered) is > 0 and var unanswered) parts.Add($"没答上 {unanswered}");
        if (sources.GetValueOrDefault(GapSource.LowConfidence) is > 0 and var low) parts.Add($"把握不大 {low}");
        if (sources.GetValueOrDefault(GapSource.NotHelpful) is > 0 and var notHelpful) parts.Add($"没帮助 {notHelpful}");
        return string.Join("，", parts);
    }

    private static object ToJson(ContentGap gap) => new
    {
        number = gap.Number,
        question = gap.Representative,
        count = gap.Count,
        lastAsked = gap.LastAsked,
        variants = gap.Variants.Select(v => new { text = v.Text, count = v.Count }),
        sources = new
        {
            unanswered = gap.Sources.GetValueOrDefault(GapSource.Unanswered),
            lowConfidence = gap.Sources.GetValueOrDefault(GapSource.LowConfidence),
            notHelpful = gap.Sources.GetValueOrDefault(GapSource.NotHelpful),
        },
        proposal = gap.ProposedEntry is { } proposed ? "add-example" : "new-entry",
        entryId = gap.ProposedEntry?.Id,
        entryTitle = gap.ProposedEntry?.Title,
        closestEntryId = gap.ClosestEntry?.Id,
        confidence = gap.Confidence,
        unsolvedEntries = gap.UnsolvedEntries,
    };
}
