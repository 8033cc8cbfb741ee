using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp kb validate | stats | eval FILE [--sweep] | stale --older-than 180d | gaps` (gaps: <see cref="KbGapsCommand"/>).</summary>
public static partial class KbCommand
{
    public static Command Create(BotHost host)
    {
        var command = new Command("kb", "知识库：检查、统计、评测、过期条目、内容缺口");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Eval(host));
        command.Subcommands.Add(KbCalibrateCommand.Create(host));
        command.Subcommands.Add(Stale(host));
        command.Subcommands.Add(KbGapsCommand.Create(host));
        return command;
    }

    private static Command Validate()
    {
        var command = new Command("validate", "检查知识库文件：格式、必填字段、重复 id、related 指向、示例问题数量（有问题时退出码 1）");
        command.SetAction(parse =>
        {
            var directory = CommonOptions.ToPaths(parse).KnowledgeDirectory;
            var output = parse.InvocationConfiguration.Output;
            var result = KnowledgeLoader.Load(directory);
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                {
                    output.WriteLine(problem);
                }

                parse.InvocationConfiguration.Error.WriteLine($"知识库有 {result.Problems.Count} 处问题（{directory}）");
                return 1;
            }

            output.WriteLine($"知识库检查通过：{result.FileCount} 个文件，{result.Knowledge.Entries.Count} 条条目，{result.Knowledge.Synonyms.Groups.Count} 组同义词、{result.Knowledge.Synonyms.EnglishGroups.Count} 组英文同义词（{directory}）");

            // English content is optional: entries without it are listed as a warning, not a failure.
            var withoutEnglish = result.Knowledge.Entries.Where(e => e.English is null).ToList();
            if (withoutEnglish.Count > 0)
            {
                output.WriteLine($"警告：{withoutEnglish.Count} 条条目没有 en（英文内容），英文提问答不了它们：");
                foreach (var entry in withoutEnglish)
                {
                    output.WriteLine($"  {entry.SourceFile}:{entry.Line}: {entry.Id}");
                }
            }

            output.WriteLine(result.Knowledge.Decision is null
                ? $"警告：没有 {KnowledgeLoader.DecisionFileName}，回答与否按置信度阈值决定；用 wecomhelp kb calibrate --write 拟合一个"
                : $"决策模型：{KnowledgeLoader.DecisionFileName}（领域阈值 {result.Knowledge.Decision.DomainThreshold:0.000}，回答阈值 {result.Knowledge.Decision.AnswerThreshold:0.000}，追问阈值 {result.Knowledge.Decision.ClarifyThreshold:0.000}{TypeThresholds(result.Knowledge.Decision)}）");
            return 0;
        });
        return command;
    }

    private static Command Stats()
    {
        var command = new Command("stats", "知识库统计：每个文件、每个章节的条目数和示例问题数");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (LoadValid(parse) is not { } knowledge)
            {
                return 2;
            }

            var entries = knowledge.Entries;
            output.WriteLine($"条目 {entries.Count} 条，示例问题 {entries.Sum(e => e.Questions.Count)} 个，同义词 {knowledge.Synonyms.Groups.Count} 组，带“以官方最新规定为准”提示的 {entries.Count(e => AnswerText.NeedsFreshnessNote(e.Answer))} 条");
            output.WriteLine();
            output.WriteLine("按文件：");
            foreach (var group in entries.GroupBy(e => Path.GetFileName(e.SourceFile)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {group.Key,-24} 条目 {group.Count(),4}  示例问题 {group.Sum(e => e.Questions.Count),5}");
            }

            output.WriteLine("按章节：");
            foreach (var group in entries.GroupBy(e => e.Section).OrderBy(g => g.Key))
            {
                output.WriteLine($"  第 {group.Key} 章  条目 {group.Count(),4}  示例问题 {group.Sum(e => e.Questions.Count),5}");
            }

            var counts = entries.Select(e => e.Questions.Count).DefaultIfEmpty(0).ToList();
            output.WriteLine($"每条示例问题：最少 {counts.Min()}，最多 {counts.Max()}，平均 {counts.Average():0.0}");
            return 0;
        });
        return command;
    }

    private static Command Eval(BotHost host)
    {
        var file = new Argument<string>("file") { Description = "评测集 JSONL：每行 {\"question\":\"…\",\"expected\":\"条目 id\"}，范围外的问题 expected 为 null" };
        var minTop1 = new Option<double?>("--min-top1") { Description = "top-1 准确率低于它时退出码 1" };
        var minReject = new Option<double?>("--min-reject") { Description = "范围外拒答率低于它时退出码 1" };
        var sweep = new Option<bool>("--sweep") { Description = "列出置信度阈值 0.00–1.00（步长 0.05）下的准确率、覆盖率和拒答率" };
        var json = new Option<bool>("--json") { Description = "输出一行 JSON：总体、每类问题、范围外和每个未命中" };
        var command = new Command("eval", "用评测集衡量效果：每类问题答对、答错、追问、拒答的比例，top-1、top-3、范围外拒答率和每个未命中");
        command.Arguments.Add(file);
        command.Options.Add(minTop1);
        command.Options.Add(minReject);
        command.Options.Add(sweep);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            if (ReadCases(path, error) is not { } cases)
            {
                return 2;
            }

            using var services = host.Start(parse);

            if (!AllEntriesExist(services.GetRequiredService<KnowledgeBase>(), path, cases, error))
            {
                return 2;
            }

            var report = KnowledgeEvaluator.Evaluate(services.GetRequiredService<KnowledgeRetriever>(), cases);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(EvalJson.From(report)));
            }
            else
            {
                WriteReport(output, report, services.GetRequiredService<KnowledgeBase>().Decision);
            }

            if (parse.GetValue(sweep))
            {
                WriteSweep(output, KnowledgeEvaluator.Sweep(report));
            }

            var failed = false;
            if (parse.GetValue(minTop1) is { } top1 && report.Top1 < top1)
            {
                error.WriteLine($"top-1 {report.Top1:0.000} 低于要求的 {top1:0.000}");
                failed = true;
            }

            if (parse.GetValue(minReject) is { } reject && report.Rejection < reject)
            {
                error.WriteLine($"范围外拒答率 {report.Rejection:0.000} 低于要求的 {reject:0.000}");
                failed = true;
            }

            return failed ? 1 : 0;
        });
        return command;
    }

    internal static IReadOnlyList<EvalCase>? ReadCases(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"找不到评测文件 {path}");
            return null;
        }

        try
        {
            using var reader = new StreamReader(path);
            return EvalCaseReader.Read(path, reader);
        }
        catch (FormatException ex)
        {
            error.WriteLine(ex.Message);
            return null;
        }
    }

    internal static bool AllEntriesExist(KnowledgeBase knowledge, string path, IReadOnlyList<EvalCase> cases, TextWriter error)
    {
        foreach (var evalCase in cases)
        {
            if (evalCase.EntryIds.FirstOrDefault(id => knowledge.Find(id) is null) is { } missing)
            {
                error.WriteLine($"{path}:{evalCase.Line}: 知识库里没有条目 {missing}");
                return false;
            }
        }

        return true;
    }

    private static Command Stale(BotHost host)
    {
        var olderThan = new Option<string>("--older-than") { Description = "多久没核对算过期，例如 180d、26w", DefaultValueFactory = _ => "180d" };
        var command = new Command("stale", "列出 reviewed 日期早于指定时长的条目（需要重新核对）");
        command.Options.Add(olderThan);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var value = parse.GetValue(olderThan) ?? string.Empty;
            if (ParseDays(value) is not { } days)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--older-than “{value}” 看不懂，请写成天数或周数，例如 180d、26w");
                return 2;
            }

            if (LoadValid(parse) is not { } knowledge)
            {
                return 2;
            }

            using var services = host.CreateServices(parse);
            var stale = StaleEntries.Find(knowledge, days, services.GetRequiredService<TimeProvider>());
            foreach (var entry in stale)
            {
                output.WriteLine($"{entry.Reviewed:yyyy-MM-dd}  {entry.Id}  {entry.Title}  ({entry.SourceFile}:{entry.Line})");
            }

            output.WriteLine(stale.Count == 0
                ? $"没有超过 {days} 天未核对的条目（共 {knowledge.Entries.Count} 条）"
                : $"{stale.Count} 条超过 {days} 天未核对（共 {knowledge.Entries.Count} 条）");
            return 0;
        });
        return command;
    }

    private static KnowledgeBase? LoadValid(ParseResult parse)
    {
        var result = KnowledgeLoader.Load(CommonOptions.ToPaths(parse).KnowledgeDirectory);
        if (result.IsValid)
        {
            return result.Knowledge;
        }

        var error = parse.InvocationConfiguration.Error;
        error.WriteLine($"知识库有 {result.Problems.Count} 处问题（先运行 wecomhelp kb validate）：");
        foreach (var problem in result.Problems)
        {
            error.WriteLine(problem);
        }

        return null;
    }

    /// <summary>The answer threshold of each question type that has its own, for the line that names the decision.</summary>
    private static string TypeThresholds(Knowledge.Decision.DecisionModel decision) =>
        decision.Types.Count == 0 ? string.Empty
        : "；按问题类型的回答阈值 " + string.Join("、", Knowledge.Decision.QuestionTypes.All.Where(decision.Types.ContainsKey)
            .Select(t => $"{Knowledge.Decision.QuestionTypes.Name(t)} {decision.Types[t].AnswerThreshold.ToString("0.000", CultureInfo.InvariantCulture)}"));

    private static void WriteReport(TextWriter output, EvalReport report, Knowledge.Decision.DecisionModel? decision)
    {
        var rule = decision is null
            ? $"置信度回答阈值 {report.AnswerThreshold:0.00}，追问阈值 {report.ClarifyThreshold:0.00}"
            : $"决策模型 {KnowledgeLoader.DecisionFileName}：领域阈值 {decision.DomainThreshold:0.000}，回答阈值 {decision.AnswerThreshold:0.000}，追问阈值 {decision.ClarifyThreshold:0.000}{TypeThresholds(decision)}";
        output.WriteLine($"评测 {report.Outcomes.Count} 个问题：范围内 {report.InScopeCount} 个，范围外 {report.OutOfScopeCount} 个（{rule}）");
        output.WriteLine($"top-1 准确率      {report.Top1:0.000}");
        output.WriteLine($"top-3 准确率      {report.Top3:0.000}");
        output.WriteLine($"直接答对          {report.AnsweredCorrectly:0.000}（范围内问题里，直接回答且答对的比例）");
        output.WriteLine($"范围外拒答率      {report.Rejection:0.000}（没有直接回答；其中明确说超出范围 {report.StrictRejection:0.000}）");
        WriteKinds(output, report.Kinds.Append(report.Overall).Append(report.OutOfScope));
        var misses = report.Misses.ToList();
        output.WriteLine(misses.Count == 0 ? "没有未命中。" : $"未命中 {misses.Count} 个：");
        foreach (var miss in misses)
        {
            var top = miss.Result.Top;
            var got = top is null ? "无候选" : $"{top.Entry.Id} ({top.Confidence:0.000})";
            var shown = miss.Answer.Answered && miss.Answer.EntryIds.Count > 1 ? $"（显示 {string.Join(" + ", miss.Answer.EntryIds)}）" : string.Empty;
            output.WriteLine($"  第 {miss.Case.Line} 行 [{Label(miss.Case)}] {miss.Case.Question} → {got}，{KindText(miss.Answer.Kind)}{shown}（{miss.Case.Kind}）");
        }
    }

    internal static void WriteKinds(TextWriter output, IEnumerable<KindReport> kinds)
    {
        output.WriteLine("类别              数量   答对    答错    追问    拒答");
        foreach (var kind in kinds)
        {
            output.WriteLine($"{kind.Kind,-16} {kind.Count,5}   {kind.RightShare:0.000}   {kind.WrongShare:0.000}   {kind.ClarifiedShare:0.000}   {kind.RefusedShare:0.000}");
        }
    }

    private static string Label(EvalCase evalCase) =>
        evalCase.Both.Count > 0 ? string.Join(" + ", evalCase.Both) : evalCase.Expected ?? "范围外";

    private static void WriteSweep(TextWriter output, IReadOnlyList<SweepRow> rows)
    {
        output.WriteLine();
        output.WriteLine("阈值   准确率  覆盖率  范围外拒答");
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Threshold.ToString("0.00", CultureInfo.InvariantCulture)}   {row.Precision:0.000}   {row.Coverage:0.000}   {row.Refusal:0.000}{(row.InUse ? "   ← 当前使用" : string.Empty)}");
        }
    }

    private static string KindText(AnswerKind kind) => kind switch
    {
        AnswerKind.Answer => "直接回答",
        AnswerKind.Clarify => "追问“您是想问…”",
        _ => "说超出范围",
    };

    private static int? ParseDays(string value)
    {
        var match = DurationPattern().Match(value.Trim());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "w" or "周" => n * 7,
            _ => n,
        };
    }

    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?<unit>[dDwW]|天|周)?$")]
    private static partial Regex DurationPattern();
}
