using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Evaluation;
using WeComHelpBot.Support;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>
/// Knowledge changes from the console: a gap question accepted into an entry, or a new entry drafted from a gap. A
/// change is written, then the whole folder must load (<c>kb validate</c>) and the eval must still reach its bar on the
/// new knowledge; otherwise the file is put back byte for byte and the reasons are returned. A kept change is published
/// to the running bot at once through <see cref="IKnowledgeReloader"/>. One change at a time.
/// </summary>
public sealed class GapEditor(IKnowledgeReloader reloader, BotPaths paths, IOptions<GapEditorOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The gap groups of <paramref name="events"/>, found against the knowledge the bot answers from now.</summary>
    public ContentGapReport FindGaps(IEnumerable<AnalyticsEvent> events)
    {
        var current = reloader.Current;
        return new ContentGapFinder(current.Retriever, current.Index).Find(GapQuestion.FromEvents(events));
    }

    /// <summary>Adds <paramref name="question"/> to the example questions of entry <paramref name="entryId"/>.</summary>
    public async Task<GapEditResult> AcceptAsync(string entryId, string question, CancellationToken cancellationToken = default)
    {
        question = question.Trim();
        if (question.Length == 0)
        {
            return GapEditResult.Refused("示例问题不能为空。");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (reloader.Current.Knowledge.Find(entryId.Trim()) is not { } entry)
            {
                return GapEditResult.Refused($"知识库里没有条目 {entryId}。");
            }

            if (entry.Questions.Contains(question, StringComparer.Ordinal))
            {
                return GapEditResult.Refused($"条目 {entry.Id} 已经有这个示例问题。");
            }

            var original = File.ReadAllBytes(entry.SourceFile);
            var accepted = GapAcceptor.Accept(paths.KnowledgeDirectory, entry, question);
            if (!accepted.Accepted)
            {
                return GapEditResult.Refused([.. accepted.Problems]);
            }

            return Keep(accepted.Reloaded.Knowledge, entry.Id, entry.SourceFile, () => File.WriteAllBytes(entry.SourceFile, original));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Appends <paramref name="draft"/> to the console's entries file in knowledge/ (made when missing).</summary>
    public async Task<GapEditResult> AddEntryAsync(NewEntryDraft draft, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (reloader.Current.Knowledge.Find(draft.Id.Trim()) is not null)
            {
                return GapEditResult.Refused($"条目 id {draft.Id} 已经有了，请换一个。");
            }

            var file = Path.Combine(paths.KnowledgeDirectory, options.Value.NewEntriesFile);
            var original = File.Exists(file) ? File.ReadAllBytes(file) : null;
            var text = original is null ? "entries:\n" : Encoding.UTF8.GetString(original);
            if (!text.EndsWith('\n'))
            {
                text += "\n";
            }

            File.WriteAllText(file, text + Format(draft), new UTF8Encoding(false));
            void Restore()
            {
                if (original is null)
                {
                    File.Delete(file);
                }
                else
                {
                    File.WriteAllBytes(file, original);
                }
            }

            var loaded = KnowledgeLoader.Load(paths.KnowledgeDirectory);
            if (!loaded.IsValid || loaded.Knowledge.Find(draft.Id.Trim()) is null)
            {
                Restore();
                var problems = loaded.Problems.Select(p => p.ToString()).ToList();
                return GapEditResult.Refused(problems.Count > 0 ? [.. problems] : [$"写入后读不回条目 {draft.Id}。"]);
            }

            return Keep(loaded.Knowledge, draft.Id.Trim(), file, Restore);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs the eval on <paramref name="knowledge"/>; publishes it when it passes, else calls <paramref name="restore"/>.</summary>
    private GapEditResult Keep(KnowledgeBase knowledge, string entryId, string file, Action restore)
    {
        var snapshot = reloader.Build(knowledge);
        var problems = Evaluate(snapshot);
        if (problems.Count > 0)
        {
            restore();
            snapshot.Index.Dispose();
            return GapEditResult.Refused([.. problems]);
        }

        reloader.Publish(snapshot);
        return new GapEditResult(true, entryId, Path.GetRelativePath(paths.KnowledgeDirectory, file), []);
    }

    private List<string> Evaluate(KnowledgeSnapshot snapshot)
    {
        var settings = options.Value;
        if (!File.Exists(settings.EvalSet))
        {
            return [$"找不到评测集 {settings.EvalSet}，无法确认改动不会让回答变差（可在 Gaps:EvalSet 设置路径）。"];
        }

        IReadOnlyList<EvalCase> cases;
        using (var reader = new StreamReader(settings.EvalSet))
        {
            cases = EvalCaseReader.Read(settings.EvalSet, reader);
        }

        if (cases.FirstOrDefault(c => c.Expected is not null && snapshot.Knowledge.Find(c.Expected) is null) is { } unknown)
        {
            return [$"{settings.EvalSet}:{unknown.Line}: 知识库里没有条目 {unknown.Expected}"];
        }

        var report = KnowledgeEvaluator.Evaluate(snapshot.Retriever, cases);
        var problems = new List<string>();
        if (report.Top1 < settings.MinTop1)
        {
            problems.Add($"评测 top-1 {Percent(report.Top1)} 低于要求的 {Percent(settings.MinTop1)}：这个改动会让已有问题答错。");
        }

        if (report.Rejection < settings.MinRejection)
        {
            problems.Add($"评测拒答率 {Percent(report.Rejection)} 低于要求的 {Percent(settings.MinRejection)}：这个改动会让范围外的问题被误答。");
        }

        problems.AddRange(report.Misses.Take(5).Select(m => $"答错：“{m.Case.Question}”（应为 {m.Case.Expected ?? "范围外"}，实际 {m.Answer.EntryId ?? "未回答"}）"));
        return report.Top1 < settings.MinTop1 || report.Rejection < settings.MinRejection ? problems : [];
    }

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private string Format(NewEntryDraft draft)
    {
        static string Scalar(string text) => QuestionListEditor.FormatScalar(text.Trim());
        static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Scalar)) + "]";
        var text = new StringBuilder();
        text.Append("  - id: ").Append(draft.Id.Trim()).Append('\n');
        text.Append("    title: ").Append(Scalar(draft.Title)).Append('\n');
        text.Append("    section: ").Append(draft.Section.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("    reviewed: ").Append(ChinaTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("    tags: ").Append(List(draft.Tags.Where(t => t.Trim().Length > 0))).Append('\n');
        text.Append("    questions:\n");
        foreach (var question in draft.Questions.Where(q => q.Trim().Length > 0))
        {
            text.Append("      - ").Append(Scalar(question)).Append('\n');
        }

        text.Append("    answer: |\n");
        foreach (var line in draft.Answer.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            text.Append(line.Length == 0 ? string.Empty : "      " + line).Append('\n');
        }

        if (draft.Related.Any(r => r.Trim().Length > 0))
        {
            text.Append("    related: ").Append(List(draft.Related.Where(r => r.Trim().Length > 0))).Append('\n');
        }

        return text.ToString();
    }
}
