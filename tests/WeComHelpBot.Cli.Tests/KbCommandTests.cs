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
