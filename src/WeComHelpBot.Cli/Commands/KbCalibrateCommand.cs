using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;
using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Cli.Commands;

/// <summary>
/// `wecomhelp kb calibrate FILE.jsonl… [--write]`: fits the decision on the labelled questions, prints the
/// cross-validated figures per kind (each fold judged by a model fitted without it) and the threshold sweep, and with
/// `--write` saves the model fitted on all of them as knowledge/decision.yaml.
/// </summary>
public static class KbCalibrateCommand
{
    public static Command Create(BotHost host)
    {
        var files = new Argument<string[]>("files") { Description = "评测集 JSONL（可以多个）", Arity = ArgumentArity.OneOrMore };
        var write = new Option<bool>("--write") { Description = "把用全部问题拟合的模型写进知识库目录的 decision.yaml" };
        // The by-file check fits the whole model once per file: with dozens of files it takes hours, the rest minutes.
        var skipByFile = new Option<bool>("--skip-by-file") { Description = "不做按文件交叉验证（文件多时它要拟合几十遍，最慢）" };
        var command = new Command("calibrate", "用评测集拟合回答/追问/拒答的决策模型：五折交叉验证的每类结果、阈值扫描，可写回 decision.yaml");
        command.Arguments.Add(files);
        command.Options.Add(write);
        command.Options.Add(skipByFile);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var cases = new List<EvalCase>();
            var sources = new List<(string Path, int Count)>();
            foreach (var path in parse.GetValue(files)!)
            {
                if (KbCommand.ReadCases(path, error) is not { } read)
                {
                    return 2;
                }

                cases.AddRange(read);
                sources.Add((path, read.Count));
            }

            // The knowledge without decision.yaml: the model is what this command makes, and an old one may no longer fit the features.
            var directory = CommonOptions.ToPaths(parse).KnowledgeDirectory;
            var loaded = KnowledgeLoader.Load(directory, readDecision: false);
            if (!loaded.IsValid)
            {
                error.WriteLine($"知识库有 {loaded.Problems.Count} 处问题（先运行 wecomhelp kb validate）：");
                foreach (var problem in loaded.Problems)
                {
                    error.WriteLine(problem);
                }

                return 2;
            }

            if (cases.SelectMany(c => c.EntryIds.Select(id => (c, id))).FirstOrDefault(x => loaded.Knowledge.Find(x.id) is null) is { c: not null } missing)
            {
                error.WriteLine($"知识库里没有条目 {missing.id}（第 {missing.c.Line} 行：{missing.c.Question}）");
                return 2;
            }

            using var services = host.CreateServices(parse);
            var options = services.GetRequiredService<IOptions<RetrievalOptions>>();
            using var index = new KnowledgeIndex(loaded.Knowledge, options);
            var retriever = new KnowledgeRetriever(index, options);
            var samples = DecisionCalibrator.Samples(retriever, cases);

            output.WriteLine("首选条目正确的比例（排序，不看决策）：" + string.Join("，", samples.Where(s => s.InScope).GroupBy(s => s.Case.Kind).Select(g => $"{g.Key} {g.Average(s => s.ShownIsRight ? 1.0 : 0):0.000}")));
            var validated = DecisionCalibrator.CrossValidate(samples);
            output.WriteLine($"{DecisionCalibrator.Folds} 折交叉验证（按问题分折，每折由不含它的模型判定），{samples.Count} 个问题：");
            KbCommand.WriteKinds(output, Reports(validated));
            if (sources.Count > 1)
            {
                // The same held-out decisions, file by file: each file's questions were judged by models fitted without them.
                var start = 0;
                foreach (var (path, count) in sources)
                {
                    output.WriteLine();
                    output.WriteLine($"其中 {Path.GetFileName(path)}（{count} 个问题）：");
                    KbCommand.WriteKinds(output, Reports(validated.Skip(start).Take(count).ToList()));
                    start += count;
                }
            }

            if (sources.Count > 1 && !parse.GetValue(skipByFile))
            {
                // Fitted without a whole file and judged on it: how the decision carries over to another writer's wording.
                var groups = sources.SelectMany((source, i) => Enumerable.Repeat(i, source.Count)).ToList();
                var byFile = DecisionCalibrator.CrossValidateByGroup(samples, groups);
                output.WriteLine();
                output.WriteLine($"按文件交叉验证（每个文件由不含它的模型判定：换一个人写的问题时的效果），{samples.Count} 个问题：");
                KbCommand.WriteKinds(output, Reports(byFile));
            }

            var model = DecisionCalibrator.Fit(samples);
            output.WriteLine();
            output.WriteLine($"用全部问题拟合：领域阈值 {F(model.DomainThreshold)}，回答阈值 {F(model.AnswerThreshold)}，追问阈值 {F(model.ClarifyThreshold)}");
            output.WriteLine($"阈值扫描（领域阈值只管范围：取单靠它就拒答 ≥ {DecisionCalibrator.DomainRefused:0%} 范围外问题的最低值；回答阈值取答错 ≤ {DecisionCalibrator.MaxWrong:0%}、范围外拒答 ≥ {DecisionCalibrator.MinRefused:0%} 时答对最多的）：");
            output.WriteLine("领域    回答    答对    答错    追问    范围外拒答");
            foreach (var row in DecisionCalibrator.Sweep(samples, model).Where(r => Math.Abs(r.DomainThreshold - model.DomainThreshold) < 1e-6))
            {
                var mark = Math.Abs(row.AnswerThreshold - model.AnswerThreshold) < 1e-6 ? "   ← 选中" : string.Empty;
                output.WriteLine($"{F(row.DomainThreshold)}   {F(row.AnswerThreshold)}   {row.Right:0.000}   {row.Wrong:0.000}   {row.Clarified:0.000}   {row.OutOfScopeRefused:0.000}{mark}");
            }

            // Each question type's own threshold, swept over its own questions (the type's model, the shared domain threshold).
            foreach (var (type, decision) in model.Types)
            {
                var own = samples.Where(s => s.Understanding.Type == type).ToList();
                output.WriteLine();
                output.WriteLine($"问题类型 {QuestionTypes.Name(type)}（{own.Count(s => s.InScope)} 个范围内、{own.Count(s => !s.InScope)} 个范围外问题；{(decision.Entry is null ? "共用回答模型" : "自己的回答模型")}）：回答阈值 {F(decision.AnswerThreshold)}，追问阈值 {F(decision.ClarifyThreshold)}");
                output.WriteLine("回答    答对    答错    追问    范围外拒答");
                foreach (var row in DecisionCalibrator.Sweep(samples, model, type))
                {
                    var mark = Math.Abs(row.AnswerThreshold - decision.AnswerThreshold) < 1e-6 ? "   ← 选中" : string.Empty;
                    output.WriteLine($"{F(row.AnswerThreshold)}   {row.Right:0.000}   {row.Wrong:0.000}   {row.Clarified:0.000}   {row.OutOfScopeRefused:0.000}{mark}");
                }
            }

            if (parse.GetValue(write))
            {
                var target = Path.Combine(directory, KnowledgeLoader.DecisionFileName);
                var all = Reports(validated).ToList();
                var comments = new[]
                {
                    "The decision to answer, ask \"您是想问…\" or refuse: written by `wecomhelp kb calibrate --write`; do not edit by hand.",
                    $"Fitted on {samples.Count} questions from {string.Join(", ", parse.GetValue(files)!.Select(Path.GetFileName))}.",
                    $"5-fold cross-validation: overall right {all[^2].RightShare:0.000}, wrong {all[^2].WrongShare:0.000}; out of scope not answered {1 - all[^1].WrongShare:0.000}.",
                };
                File.WriteAllText(target, DecisionFileWriter.ToYaml(model, comments));
                output.WriteLine($"已写入 {target}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Per kind, then overall, then out of scope (where "refused" is the share not answered).</summary>
    private static IEnumerable<KindReport> Reports(IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> decided)
    {
        KindReport Of(string kind, IEnumerable<(CalibrationSample Sample, AnswerKind Kind)> items)
        {
            var verdicts = items.Select(d => DecisionCalibrator.Verdict(d.Sample, d.Kind)).ToList();
            if (kind == EvalCase.OutOfScopeKind)
            {
                // Out of scope: any answer is wrong; not answering is right.
                verdicts = items.Select(d => d.Kind == AnswerKind.Answer ? EvalVerdict.Wrong : d.Kind == AnswerKind.Clarify ? EvalVerdict.Clarified : EvalVerdict.Refused).ToList();
            }

            return new KindReport(kind, verdicts.Count, verdicts.Count(v => v == EvalVerdict.Right), verdicts.Count(v => v == EvalVerdict.Wrong), verdicts.Count(v => v == EvalVerdict.Clarified), verdicts.Count(v => v == EvalVerdict.Refused));
        }

        var inScope = decided.Where(d => d.Sample.InScope).ToList();
        foreach (var group in inScope.GroupBy(d => d.Sample.Case.Kind))
        {
            yield return Of(group.Key, group);
        }

        yield return Of("overall", inScope);
        yield return Of(EvalCase.OutOfScopeKind, decided.Where(d => !d.Sample.InScope));
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
