using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace WeComHelpBot.Cli.Tests;

public sealed class KbCommandTests : IDisposable
{
    private readonly string evalFile = Path.Combine(Path.GetTempPath(), "kb-eval-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(evalFile);

    [Fact]
    public async Task Validate_ValidKnowledge_ExitsZero()
    {
        var run = await CliRun.RunAsync(["kb", "validate"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 条条目", run.Output);
    }

    [Fact]
    public async Task Validate_BrokenKnowledge_ExitsOneWithFileLineProblems()
    {
        var run = await CliRun.RunAsync(["kb", "validate"], knowledge: CliRun.BrokenKnowledge);

        Assert.Equal(1, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Contains(lines, l => l.EndsWith("entries.yaml:2: 条目 first-entry 的 related 里的 no-such-entry 不存在"));
        Assert.Contains(lines, l => l.EndsWith("entries.yaml:10: 条目 missing-answer 缺少字段 answer"));
        Assert.Contains(lines, l => l.Contains("more.yaml:2: id first-entry 重复了"));
        Assert.Contains(lines, l => l.Contains("more.yaml:4: ") && l.Contains("section"));
        Assert.Contains(lines, l => l.Contains("more.yaml:5: ") && l.Contains("reviewed"));
        Assert.Contains(lines, l => l.Contains("more.yaml:6: ") && l.Contains("只有 3 个示例问题"));
    }

    [Fact]
    public async Task Stats_CountsEntriesPerFileAndSection()
    {
        var run = await CliRun.RunAsync(["kb", "stats"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("条目 4 条，示例问题 20 个", run.Output);
        Assert.Contains("registration.yaml", run.Output);
        Assert.Contains("第 8 章", run.Output);
    }

    [Fact]
    public async Task Eval_PrintsAccuracyAndMisses_AndFailsBelowTheMinimum()
    {
        File.WriteAllLines(evalFile,
        [
            """{"question":"打款好几天了没到账","expected":"bank-transfer-timeout"}""",
            """{"question":"个体户能加几个人","expected":"member-limits"}""",
            """{"question":"会话存档在哪开","expected":"bank-transfer-timeout"}""",
            """{"question":"今天天气怎么样","expected":null}""",
        ]);

        var run = await CliRun.RunAsync(["kb", "eval", evalFile, "--min-top1", "0.9"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("top-1 准确率      0.667", run.Output);
        Assert.Contains("范围外拒答率      1.000", run.Output);
        Assert.Contains("第 3 行 [bank-transfer-timeout] 会话存档在哪开 → security-archive", run.Output);
        Assert.Contains("top-1 0.667 低于要求的 0.900", run.Error);
    }

    [Fact]
    public async Task Eval_ReportsEachKind_RightWrongClarifiedRefused()
    {
        File.WriteAllLines(evalFile,
        [
            """{"question":"打款好几天了没到账","kind":"colloquial","expected":"bank-transfer-timeout"}""",
            """{"question":"個體戶能加幾個人","kind":"traditional","expected":"member-limits"}""",
            """{"question":"会话存档在哪开","kind":"traditional","expected":"bank-transfer-timeout"}""",
            """{"question":"今天天气怎么样","kind":"out-of-scope","expected":null}""",
        ]);

        var run = await CliRun.RunAsync(["kb", "eval", evalFile]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith("colloquial") && l.Contains("1.000   0.000   0.000   0.000"));
        Assert.Contains(run.OutputLines, l => l.StartsWith("traditional") && l.Contains("0.500   0.500   0.000   0.000"));
        Assert.Contains(run.OutputLines, l => l.StartsWith("out-of-scope") && l.Contains("0.000   0.000"));
        Assert.Contains(run.OutputLines, l => l.Contains("[bank-transfer-timeout] 会话存档在哪开 → security-archive") && l.EndsWith("（traditional）"));
    }

    [Fact]
    public async Task EvalJson_GivesTheKindsAndTheMisses()
    {
        File.WriteAllLines(evalFile,
        [
            """{"question":"个体户能加几个人","kind":"plain","expected":"member-limits"}""",
            """{"question":"那打款呢","kind":"followup","expected":"verify-bank-transfer","accept":["bank-transfer-timeout"],"previous":"对公打款验证需要几天"}""",
            """{"question":"打款和成员上限有啥区别","kind":"comparison","expected":null,"both":["verify-bank-transfer","member-limits"]}""",
            """{"question":"今天天气怎么样","expected":null}""",
        ]);

        var run = await CliRun.RunAsync(["kb", "eval", evalFile, "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("questions").GetInt32());
        Assert.Equal(3, root.GetProperty("overall").GetProperty("count").GetInt32());
        Assert.Equal(["plain", "followup", "comparison"], root.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("kind").GetString()));
        Assert.Equal(1, root.GetProperty("outOfScope").GetProperty("count").GetInt32());
        Assert.True(root.GetProperty("misses").ValueKind == System.Text.Json.JsonValueKind.Array);
    }

    [Fact]
    public async Task Eval_UnknownEntryInBoth_ExitsTwoWithTheLine()
    {
        File.WriteAllLines(evalFile, ["""{"question":"a 和 b 的区别","kind":"comparison","expected":null,"both":["member-limits","no-such-entry"]}"""]);

        var run = await CliRun.RunAsync(["kb", "eval", evalFile]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":1: 知识库里没有条目 no-such-entry", run.Error);
    }

    [Fact]
    public async Task Calibrate_PrintsCrossValidationPerKind_AndWritesAModelThatLoads()
    {
        var knowledge = Directory.CreateTempSubdirectory("kb-calibrate-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(CliRun.ValidKnowledge))
            {
                File.Copy(file, Path.Combine(knowledge, Path.GetFileName(file)));
            }

            File.WriteAllLines(evalFile,
            [
                """{"question":"打款好几天了没到账","expected":"bank-transfer-timeout"}""",
                """{"question":"银行打款一直没收到钱","kind":"colloquial","expected":"bank-transfer-timeout"}""",
                """{"question":"個體戶能加幾個人","kind":"traditional","expected":"member-limits"}""",
                """{"question":"公司最多放多少员工","expected":"member-limits"}""",
                """{"question":"对公打款验证多久能好","expected":"verify-bank-transfer"}""",
                """{"question":"会话存档在哪开","expected":"security-archive"}""",
                """{"question":"今天天气怎么样","expected":null}""",
                """{"question":"推荐一部电影","expected":null}""",
                """{"question":"股票明天涨不涨","expected":null}""",
            ]);

            var run = await CliRun.RunAsync(["kb", "calibrate", evalFile, "--write"], knowledge: knowledge);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("5 折交叉验证", run.Output);
            Assert.Contains(run.OutputLines, l => l.StartsWith("traditional"));
            Assert.Contains(run.OutputLines, l => l.StartsWith("overall"));
            Assert.Single(run.OutputLines, l => l.EndsWith("← 选中"));
            Assert.True(File.Exists(Path.Combine(knowledge, "decision.yaml")));
            var validate = await CliRun.RunAsync(["kb", "validate"], knowledge: knowledge);
            Assert.Equal(0, validate.ExitCode);
            Assert.Contains("决策模型：decision.yaml", validate.Output);
        }
        finally
        {
            Directory.Delete(knowledge, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Calibrate_OnSeveralFiles_JudgesEachFileByAModelWithoutIt_UnlessSkipped(bool skip)
    {
        var second = Path.Combine(Path.GetTempPath(), "kb-eval-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            File.WriteAllLines(evalFile,
            [
                """{"question":"打款好几天了没到账","expected":"bank-transfer-timeout"}""",
                """{"question":"公司最多放多少员工","expected":"member-limits"}""",
                """{"question":"今天天气怎么样","expected":null}""",
            ]);
            File.WriteAllLines(second,
            [
                """{"question":"对公打款验证多久能好","expected":"verify-bank-transfer"}""",
                """{"question":"会话存档在哪开","expected":"security-archive"}""",
                """{"question":"推荐一部电影","expected":null}""",
            ]);

            var run = await CliRun.RunAsync(skip ? ["kb", "calibrate", evalFile, second, "--skip-by-file"] : ["kb", "calibrate", evalFile, second]);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("5 折交叉验证", run.Output);
            Assert.Equal(!skip, run.Output.Contains("按文件交叉验证", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(second);
        }
    }

    [Fact]
    public async Task EvalSweep_ListsEveryThresholdAndMarksTheOneInUse()
    {
        File.WriteAllLines(evalFile, ["""{"question":"个体户能加几个人","expected":"member-limits"}"""]);

        var run = await CliRun.RunAsync(["kb", "eval", evalFile, "--sweep", "--min-top1", "0.9", "--min-reject", "0.9"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith("0.00 "));
        Assert.Contains(run.OutputLines, l => l.StartsWith("1.00 "));
        Assert.Single(run.OutputLines, l => l.EndsWith("← 当前使用"));
    }

    [Fact]
    public async Task Eval_BadLineOrUnknownEntry_IsBadInput()
    {
        File.WriteAllLines(evalFile, ["""{"question":"个体户能加几个人","expected":"member-limits"}""", "不是 JSON"]);
        var badJson = await CliRun.RunAsync(["kb", "eval", evalFile]);
        File.WriteAllLines(evalFile, ["""{"question":"个体户能加几个人","expected":"no-such-entry"}"""]);
        var unknown = await CliRun.RunAsync(["kb", "eval", evalFile]);

        Assert.Equal(2, badJson.ExitCode);
        Assert.StartsWith($"{evalFile}:2: ", badJson.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no-such-entry", unknown.Error);
    }

    [Fact]
    public async Task Stale_ListsEntriesOlderThanTheAge_UsingTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);

        var run = await CliRun.RunAsync(["kb", "stale", "--older-than", "180d"], configure: s => s.AddSingleton<TimeProvider>(clock));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-01-10  bank-transfer-timeout", run.Output);
        Assert.DoesNotContain("member-limits", run.Output);
        Assert.Contains("1 条超过 180 天未核对", run.Output);
    }

    [Fact]
    public async Task Stale_UnreadableAge_IsBadUsage()
    {
        var run = await CliRun.RunAsync(["kb", "stale", "--older-than", "半年"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("半年", run.Error);
    }
}
