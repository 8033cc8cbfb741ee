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
    /// Held-out questions written from the guide by people who saw neither knowledge/ nor any other eval file: a floor a
    /// little under the figures of knowledge/README.md, so a change that loses ground on unseen questions fails here.
    /// heldout12 to heldout15 were run once, on the build that measured them in the tenth round (heldout12: right 0.875,
    /// wrong 0.025, out of scope not answered 0.940; heldout13: 0.881, 0.022, 0.940; heldout14: 0.869, 0.031, 0.960;
    /// heldout15: 0.869, 0.013, 0.980); heldout10 and heldout11 (first run
    /// 0.866 / 0.025 / 0.980 and 0.838 / 0.016 / 0.960), heldout8, heldout9 and heldout7 served as floors while the tenth
    /// round chose its changes. heldout16 and heldout17 were written at the start of the eleventh round and first run on its
    /// starting build (0.875 / 0.025 / 0.960 and 0.859 / 0.031 / 0.960); the round then looked at their misses.
    /// heldout18 and heldout19 were written once its first build was final (cc4b3d8) and run once on it (0.881 / 0.031 /
    /// 0.940 and 0.888 / 0.025 / 0.980), then looked at; heldout20 and heldout21 were written while the round went on and
    /// run once on the build of e7020a9 (0.866 / 0.028 / 0.940 and 0.869 / 0.028 / 0.940); a tag was then taken back, and
    /// heldout22 and heldout23, written meanwhile, were run once on the shipped build (0.859 / 0.022 / 0.960 and 0.859 /
    /// 0.038 / 1.000). heldout24 and heldout25 were written at the start of the twelfth round and not opened until its build
    /// was final; run once on the round's start (0.881 / 0.016 / 0.960 and 0.878 / 0.034 / 0.960) and once on its final
    /// build (0.894 / 0.016 / 0.980 and 0.891 / 0.038 / 0.960); heldout26 and heldout27, written while the round went on,
    /// likewise (start 0.897 / 0.016 / 0.960 and 0.853 / 0.031 / 0.960; final 0.909 / 0.016 / 0.960 and 0.863 / 0.028 /
    /// 0.960). heldout28 and heldout29, written at its end, were run once on the start and once on the final build (start
    /// 0.875 / 0.019 / 0.960 and 0.875 / 0.025 / 0.960; final 0.881 / 0.022 / 0.960 and 0.888 / 0.028 / 0.960).
    /// heldout30–33 were written at the start of the thirteenth round and opened once its build was final, then run on its
    /// start and on that build: start 0.925 / 0.019 / 0.980, 0.878 / 0.038 / 0.980, 0.894 / 0.013 / 0.920, 0.891 / 0.022 /
    /// 0.980; final 0.941 / 0.019 / 0.960, 0.891 / 0.038 / 0.980, 0.909 / 0.013 / 0.920, 0.909 / 0.022 / 0.960.
    /// heldout34 and heldout35 were written after those four were opened and run once on the start and on 22a98bf (start
    /// 0.909 / 0.019 / 0.940 and 0.900 / 0.022 / 0.920; then 0.925 / 0.022 / 0.940 and 0.909 / 0.022 / 0.920).
    /// heldout36 and heldout37, written after that, were run once on the start and on the round's final build (start
    /// 0.894 / 0.019 / 1.000 and 0.891 / 0.022 / 0.940; final 0.906 / 0.019 / 1.000 and 0.900 / 0.022 / 0.940).
    /// heldout38 and heldout39, the last, were run once on the start and on 44d8ef2 (start 0.903 / 0.013 / 0.960 and 0.884 /
    /// 0.038 / 0.940; final 0.919 / 0.016 / 0.960 and 0.888 / 0.041 / 0.940).
    /// heldout40–49 were written at the start of the fourteenth round by ten blind helpers, run once on its start (mean
    /// 0.891 / 0.027 / 0.972) and not opened until its build was final (ca2dd41: mean 0.908 / 0.028 / 0.980).
    /// heldout50–53 were written once ca2dd41 had been measured, while two more changes were made, and run once on the
    /// start (0.889 / 0.024 / 0.965) and on the round's final build (ad26fa7: 0.907 / 0.025 / 0.970).
    /// heldout54–61 were written at the start of the fifteenth round by eight blind helpers and not opened until its build
    /// was final, then run once on its start (d36c2ee: mean 0.913 / 0.027 / 0.973) and once on that build (ce12679: mean
    /// 0.922 / 0.029 / 0.973). heldout62–65 were written once ce12679 had been measured, while one more change was made, and
    /// run once on the start (mean 0.892 / 0.039 / 0.935) and on the round's final build (f9b0ea3: 0.909 / 0.039 / 0.930).
    /// heldout66–73 were written at the start of the sixteenth round by eight blind helpers and not opened until its build
    /// was final, then run once on its start (dfc7921: mean 0.918 / 0.022 / 0.945) and once on that build (e2fcda8: mean
    /// 0.931 / 0.020 / 0.965). heldout74–77 were written once e2fcda8 had been measured, while four more changes were made,
    /// and run once on the start (mean 0.907 / 0.030 / 0.945) and on the round's final build (1938452: 0.920 / 0.028 / 0.955).
    /// heldout78–85 were written at the start of the seventeenth round by eight blind helpers and not opened until its build
    /// was final, then run once on its start (55d1865: mean 0.919 / 0.034 / 0.978) and once on that build (43c2832: mean
    /// 0.922 / 0.032 / 0.983).
    /// heldout86–93 were written at the start of the eighteenth round by eight blind helpers and not opened until its build
    /// was final, then run once on its start (2bd00d1: mean 0.923 / 0.027 / 0.995) and once on that build (8fc6302: mean
    /// 0.927 / 0.023 / 0.993).
    /// heldout94–101 were written at the start of the nineteenth round by eight blind helpers and not opened until its
    /// first build was measured (2d1d1d1, the same answers as its start 3a1216f: mean 0.935 / 0.021 / 0.988); heldout102–109
    /// were written once 2d1d1d1 had been measured and not opened until d23fb3b was (the same answers as the start again:
    /// mean 0.934 / 0.024 / 0.983). The round's final build (e90370d) gets 0.938 / 0.020 / 0.988 and 0.935 / 0.023 / 0.983.
    /// The issue's 0.92 right is met on the means of heldout54–61, heldout66–73, heldout78–85, heldout86–93, heldout94–101
    /// and heldout102–109, not on every set; its 3 % wrong on the means of heldout86–93, heldout94–101 and heldout102–109
    /// (knowledge/README.md).
    /// </summary>
    [Theory]
    [InlineData("kb-eval-guide-heldout7.jsonl", 0.80, 0.065, 0.95)]
    [InlineData("kb-eval-guide-heldout8.jsonl", 0.86, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout9.jsonl", 0.81, 0.030, 0.90)]
    [InlineData("kb-eval-guide-heldout10.jsonl", 0.85, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout11.jsonl", 0.82, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout12.jsonl", 0.86, 0.035, 0.92)]
    [InlineData("kb-eval-guide-heldout13.jsonl", 0.86, 0.030, 0.92)]
    [InlineData("kb-eval-guide-heldout14.jsonl", 0.85, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout15.jsonl", 0.85, 0.025, 0.96)]
    [InlineData("kb-eval-guide-heldout16.jsonl", 0.86, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout17.jsonl", 0.84, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout18.jsonl", 0.86, 0.035, 0.92)]
    [InlineData("kb-eval-guide-heldout19.jsonl", 0.87, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout20.jsonl", 0.85, 0.035, 0.92)]
    [InlineData("kb-eval-guide-heldout21.jsonl", 0.85, 0.035, 0.92)]
    [InlineData("kb-eval-guide-heldout22.jsonl", 0.84, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout23.jsonl", 0.84, 0.045, 0.98)]
    [InlineData("kb-eval-guide-heldout24.jsonl", 0.88, 0.025, 0.96)]
    [InlineData("kb-eval-guide-heldout25.jsonl", 0.87, 0.045, 0.94)]
    [InlineData("kb-eval-guide-heldout26.jsonl", 0.89, 0.025, 0.94)]
    [InlineData("kb-eval-guide-heldout27.jsonl", 0.84, 0.040, 0.94)]
    [InlineData("kb-eval-guide-heldout28.jsonl", 0.87, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout29.jsonl", 0.87, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout30.jsonl", 0.93, 0.025, 0.94)]
    [InlineData("kb-eval-guide-heldout31.jsonl", 0.88, 0.045, 0.96)]
    [InlineData("kb-eval-guide-heldout32.jsonl", 0.90, 0.020, 0.90)]
    [InlineData("kb-eval-guide-heldout33.jsonl", 0.90, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout34.jsonl", 0.92, 0.025, 0.94)]
    [InlineData("kb-eval-guide-heldout35.jsonl", 0.90, 0.025, 0.92)]
    [InlineData("kb-eval-guide-heldout36.jsonl", 0.90, 0.025, 0.98)]
    [InlineData("kb-eval-guide-heldout37.jsonl", 0.89, 0.025, 0.94)]
    [InlineData("kb-eval-guide-heldout38.jsonl", 0.91, 0.020, 0.94)]
    [InlineData("kb-eval-guide-heldout39.jsonl", 0.88, 0.045, 0.92)]
    [InlineData("kb-eval-guide-heldout40.jsonl", 0.90, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout41.jsonl", 0.91, 0.025, 0.94)]
    [InlineData("kb-eval-guide-heldout42.jsonl", 0.92, 0.025, 0.94)]
    [InlineData("kb-eval-guide-heldout43.jsonl", 0.89, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout44.jsonl", 0.85, 0.040, 0.96)]
    [InlineData("kb-eval-guide-heldout45.jsonl", 0.91, 0.035, 0.98)] // the fifteenth round's refit answers more and misses one more here
    [InlineData("kb-eval-guide-heldout46.jsonl", 0.91, 0.040, 0.96)]
    [InlineData("kb-eval-guide-heldout47.jsonl", 0.90, 0.040, 0.98)]
    [InlineData("kb-eval-guide-heldout48.jsonl", 0.93, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout49.jsonl", 0.91, 0.030, 0.98)]
    [InlineData("kb-eval-guide-heldout50.jsonl", 0.96, 0.010, 0.96)]
    [InlineData("kb-eval-guide-heldout51.jsonl", 0.87, 0.050, 0.94)]
    [InlineData("kb-eval-guide-heldout52.jsonl", 0.89, 0.040, 0.94)]
    [InlineData("kb-eval-guide-heldout53.jsonl", 0.89, 0.020, 0.96)]
    [InlineData("kb-eval-guide-heldout54.jsonl", 0.93, 0.045, 0.96)]
    [InlineData("kb-eval-guide-heldout55.jsonl", 0.92, 0.020, 0.90)]
    [InlineData("kb-eval-guide-heldout56.jsonl", 0.94, 0.040, 0.96)]
    [InlineData("kb-eval-guide-heldout57.jsonl", 0.91, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout58.jsonl", 0.93, 0.040, 0.98)]
    [InlineData("kb-eval-guide-heldout59.jsonl", 0.88, 0.050, 0.98)]
    [InlineData("kb-eval-guide-heldout60.jsonl", 0.92, 0.035, 0.98)]
    [InlineData("kb-eval-guide-heldout61.jsonl", 0.91, 0.030, 0.92)]
    [InlineData("kb-eval-guide-heldout62.jsonl", 0.89, 0.040, 0.92)]
    [InlineData("kb-eval-guide-heldout63.jsonl", 0.92, 0.040, 0.90)]
    [InlineData("kb-eval-guide-heldout64.jsonl", 0.91, 0.050, 0.90)]
    [InlineData("kb-eval-guide-heldout65.jsonl", 0.89, 0.055, 0.92)]
    [InlineData("kb-eval-guide-heldout66.jsonl", 0.93, 0.025, 0.96)]
    [InlineData("kb-eval-guide-heldout67.jsonl", 0.90, 0.035, 0.92)]
    [InlineData("kb-eval-guide-heldout68.jsonl", 0.88, 0.045, 0.94)]
    [InlineData("kb-eval-guide-heldout69.jsonl", 0.92, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout70.jsonl", 0.93, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout71.jsonl", 0.90, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout72.jsonl", 0.94, 0.020, 0.94)]
    [InlineData("kb-eval-guide-heldout73.jsonl", 0.92, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout74.jsonl", 0.87, 0.045, 0.92)]
    [InlineData("kb-eval-guide-heldout75.jsonl", 0.92, 0.035, 0.94)]
    [InlineData("kb-eval-guide-heldout76.jsonl", 0.90, 0.045, 0.98)]
    [InlineData("kb-eval-guide-heldout77.jsonl", 0.92, 0.035, 0.90)]
    [InlineData("kb-eval-guide-heldout78.jsonl", 0.915, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout79.jsonl", 0.88, 0.065, 0.96)]
    [InlineData("kb-eval-guide-heldout80.jsonl", 0.915, 0.060, 0.98)]
    [InlineData("kb-eval-guide-heldout81.jsonl", 0.915, 0.040, 0.96)]
    [InlineData("kb-eval-guide-heldout82.jsonl", 0.92, 0.025, 0.96)]
    [InlineData("kb-eval-guide-heldout83.jsonl", 0.93, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout84.jsonl", 0.895, 0.045, 0.96)]
    [InlineData("kb-eval-guide-heldout85.jsonl", 0.915, 0.040, 0.98)]
    [InlineData("kb-eval-guide-heldout86.jsonl", 0.92, 0.025, 0.96)]
    [InlineData("kb-eval-guide-heldout87.jsonl", 0.91, 0.045, 0.98)]
    [InlineData("kb-eval-guide-heldout88.jsonl", 0.905, 0.040, 0.98)]
    [InlineData("kb-eval-guide-heldout89.jsonl", 0.895, 0.070, 0.98)]
    [InlineData("kb-eval-guide-heldout90.jsonl", 0.92, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout91.jsonl", 0.945, 0.020, 0.98)]
    [InlineData("kb-eval-guide-heldout92.jsonl", 0.92, 0.020, 0.98)]
    [InlineData("kb-eval-guide-heldout93.jsonl", 0.905, 0.040, 0.96)]
    [InlineData("kb-eval-guide-heldout94.jsonl", 0.905, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout95.jsonl", 0.92, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout96.jsonl", 0.92, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout97.jsonl", 0.955, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout98.jsonl", 0.93, 0.030, 0.98)]
    [InlineData("kb-eval-guide-heldout99.jsonl", 0.92, 0.030, 0.98)]
    [InlineData("kb-eval-guide-heldout100.jsonl", 0.92, 0.040, 0.96)]
    [InlineData("kb-eval-guide-heldout101.jsonl", 0.92, 0.030, 0.98)]
    [InlineData("kb-eval-guide-heldout102.jsonl", 0.925, 0.030, 0.98)]
    [InlineData("kb-eval-guide-heldout103.jsonl", 0.915, 0.030, 0.96)]
    [InlineData("kb-eval-guide-heldout104.jsonl", 0.935, 0.020, 0.94)]
    [InlineData("kb-eval-guide-heldout105.jsonl", 0.94, 0.035, 0.96)]
    [InlineData("kb-eval-guide-heldout106.jsonl", 0.91, 0.050, 0.98)]
    [InlineData("kb-eval-guide-heldout107.jsonl", 0.92, 0.030, 0.94)]
    [InlineData("kb-eval-guide-heldout108.jsonl", 0.905, 0.055, 0.98)]
    [InlineData("kb-eval-guide-heldout109.jsonl", 0.94, 0.030, 0.96)]
    public void HeldOutGuideQuestions_StayAtTodaysLevel(string name, double right, double wrong, double refused)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Knowledge", name);
        var knowledge = KnowledgeLoader.Load(TestPaths.RealKnowledge);
        Assert.True(knowledge.IsValid, string.Join("\n", knowledge.Problems));
        using var reader = new StreamReader(file);
        var cases = EvalCaseReader.Read(file, reader);

        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(knowledge.Knowledge, options);
        var report = KnowledgeEvaluator.Evaluate(new KnowledgeRetriever(index, options), cases);

        Assert.True(report.Overall.RightShare >= right, $"answered right {report.Overall.RightShare:0.000} < {right}");
        Assert.True(report.Overall.WrongShare <= wrong, $"answered wrong {report.Overall.WrongShare:0.000} > {wrong}");
        Assert.True(report.Rejection >= refused, $"out of scope not answered {report.Rejection:0.000} < {refused}");
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
