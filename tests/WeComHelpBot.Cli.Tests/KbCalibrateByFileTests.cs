namespace WeComHelpBot.Cli.Tests;

/// <summary>`kb calibrate` over several eval files also judges each file by a model fitted without it.</summary>
public sealed class KbCalibrateByFileTests : IDisposable
{
    private const string ByFileHeading = "按文件交叉验证";

    private readonly string folder = Directory.CreateTempSubdirectory("kb-calibrate-files-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    // Each file has questions in and out of scope, so a model fitted without either one still has both to learn from.
    private string FirstFile() => Write("writer-a.jsonl",
        """{"question":"打款好几天了没到账","expected":"bank-transfer-timeout"}""",
        """{"question":"个体户能加几个人","expected":"member-limits"}""",
        """{"question":"公司最多放多少员工","expected":"member-limits"}""",
        """{"question":"对公打款验证多久能好","expected":"verify-bank-transfer"}""",
        """{"question":"会话存档在哪开","expected":"security-archive"}""",
        """{"question":"今天天气怎么样","expected":null}""",
        """{"question":"推荐一部电影","expected":null}""");

    private string SecondFile() => Write("writer-b.jsonl",
        """{"question":"银行打款一直没收到钱","expected":"bank-transfer-timeout"}""",
        """{"question":"成员人数有没有上限","expected":"member-limits"}""",
        """{"question":"打款验证要几天","expected":"verify-bank-transfer"}""",
        """{"question":"聊天存档怎么打开","expected":"security-archive"}""",
        """{"question":"股票明天涨不涨","expected":null}""",
        """{"question":"午饭吃什么好","expected":null}""");

    [Fact]
    public async Task Calibrate_TwoFiles_PrintsTheFileByFileCrossValidation()
    {
        var run = await CliRun.RunAsync(["kb", "calibrate", FirstFile(), SecondFile()]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines.ToList();
        var heading = lines.FindIndex(l => l.StartsWith(ByFileHeading, StringComparison.Ordinal));
        Assert.True(heading >= 0, run.Output);
        Assert.Contains("13 个问题", lines[heading]);
        Assert.StartsWith("类别", lines[heading + 1]);
        Assert.Contains(lines.Skip(heading + 2).TakeWhile(l => !l.StartsWith("用全部问题拟合", StringComparison.Ordinal)), l => l.StartsWith("overall", StringComparison.Ordinal));
        Assert.Contains("其中 writer-a.jsonl（7 个问题）：", lines);
        Assert.Contains("其中 writer-b.jsonl（6 个问题）：", lines);
    }

    [Fact]
    public async Task Calibrate_OneFile_HasNoFileByFileSection()
    {
        var run = await CliRun.RunAsync(["kb", "calibrate", FirstFile()]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 折交叉验证", run.Output);
        Assert.DoesNotContain(ByFileHeading, run.Output);
    }
}
