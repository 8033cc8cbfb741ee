using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>The shipped knowledge base against the shipped labelled questions (the same numbers as `wecomhelp kb eval`).</summary>
public sealed class KnowledgeEvalTests
{
    [Fact]
    public void RealKnowledgeBase_MeetsTheAccuracyTargets()
    {
        Assert.True(File.Exists(TestPaths.RealEvalSet), $"评测集不存在：{TestPaths.RealEvalSet}（tests/WeComHelpBot.Tests/Knowledge/kb-eval.jsonl）");
        Assert.True(Directory.Exists(TestPaths.RealKnowledge), $"知识库没有复制到测试输出：{TestPaths.RealKnowledge}");
        var knowledge = KnowledgeLoader.Load(TestPaths.RealKnowledge);
        Assert.True(knowledge.IsValid, string.Join("\n", knowledge.Problems));
        using var reader = new StreamReader(TestPaths.RealEvalSet);
        var cases = EvalCaseReader.Read(TestPaths.RealEvalSet, reader);
        Assert.True(cases.Count(c => c.InScope) >= 150 && cases.Count(c => !c.InScope) >= 25, "评测集至少要 150 个范围内和 25 个范围外的问题");

        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(knowledge.Knowledge, options);
        var report = KnowledgeEvaluator.Evaluate(new KnowledgeRetriever(index, options), cases);

        var misses = string.Join("\n", report.Misses.Select(m => $"{m.Case.Line}: [{m.Case.Expected ?? "范围外"}] {m.Case.Question} → {m.TopId} ({m.TopConfidence:0.000})"));
        Assert.True(report.Top1 >= 0.90, $"top-1 {report.Top1:0.000} < 0.90\n{misses}");
        Assert.True(report.Rejection >= 0.90, $"rejection {report.Rejection:0.000} < 0.90\n{misses}");
    }

    /// <summary>
    /// The fresh held-out questions written from the guide by someone who saw neither knowledge/ nor any other eval file
    /// (kb-eval-guide-heldout7.jsonl; never used for fitting, for choosing features or for reading misses): a floor under
    /// the figures of knowledge/README.md (right 0.816, wrong 0.059, out of scope not answered 0.960 when it was first
    /// run), so a change that loses ground on unseen questions fails here. The issue's targets (0.92 right, 3 % wrong)
    /// are not met yet; the wrong share is mostly comparisons shown with one side (knowledge/README.md).
    /// </summary>
    [Fact]
    public void HeldOutGuideQuestions_StayAtTodaysLevel()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Knowledge", "kb-eval-guide-heldout7.jsonl");
        var knowledge = KnowledgeLoader.Load(TestPaths.RealKnowledge);
        Assert.True(knowledge.IsValid, string.Join("\n", knowledge.Problems));
        using var reader = new StreamReader(file);
        var cases = EvalCaseReader.Read(file, reader);

        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(knowledge.Knowledge, options);
        var report = KnowledgeEvaluator.Evaluate(new KnowledgeRetriever(index, options), cases);

        Assert.True(report.Overall.RightShare >= 0.80, $"answered right {report.Overall.RightShare:0.000} < 0.80");
        Assert.True(report.Overall.WrongShare <= 0.065, $"answered wrong {report.Overall.WrongShare:0.000} > 0.065");
        Assert.True(report.Rejection >= 0.95, $"out of scope not answered {report.Rejection:0.000} < 0.95");
    }

    [Fact]
    public void Sweep_MarksTheThresholdInUse_AndRefusesMoreAsTheThresholdRises()
    {
        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.ValidKnowledge), options);
        EvalCase[] cases = [new("打款好几天没到账", "bank-transfer-timeout", 1), new("个体户能加几个人", "member-limits", 2), new("天气怎么样", null, 3)];

        var report = KnowledgeEvaluator.Evaluate(new KnowledgeRetriever(index, options), cases);
        var sweep = KnowledgeEvaluator.Sweep(report);

        Assert.Equal(21, sweep.Count);
        Assert.Equal(options.Value.AnswerThreshold, Assert.Single(sweep, r => r.InUse).Threshold, 2);
        Assert.Equal(1, report.Top1);
        Assert.Equal(1, report.Rejection);
        Assert.True(sweep.Zip(sweep.Skip(1)).All(p => p.Second.Coverage <= p.First.Coverage));
    }

    [Fact]
    public void EvalCaseReader_ReportsTheBadLine()
    {
        var ex = Assert.Throws<FormatException>(() => EvalCaseReader.Read("eval.jsonl", new StringReader("{\"question\":\"a\",\"expected\":null}\n\n{\"question\":\"b\"}\n")));

        Assert.StartsWith("eval.jsonl:3: ", ex.Message);
    }
}
