using WeComHelpBot.Bot;

namespace WeComHelpBot.Cli.Tests;

/// <summary>Broken content or an unusable database stops a command with one clear message and exit code 2.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Chat_WithABrokenFlow_ExitsTwoNamingFileAndLine()
    {
        var dialogs = Directory.CreateTempSubdirectory("wecomhelp-dialogs-").FullName;
        var source = await File.ReadAllTextAsync(Path.Combine(ContentLocator.Find("dialogs"), "member-import.yaml"));
        await File.WriteAllTextAsync(Path.Combine(dialogs, "member-import.yaml"), source.Replace("kind: choice", "kind: chioce"));

        var run = await CliRun.RunAsync(["chat", "--jsonl", "--dialogs", dialogs], "你好\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("member-import.yaml:", run.Error);
        Assert.Contains("chioce", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Chat_WithADamagedDatabase_ExitsTwoAndLeavesTheFileAlone()
    {
        var data = Directory.CreateTempSubdirectory("wecomhelp-data-").FullName;
        var file = Path.Combine(data, "wecomhelpbot.db");
        var garbage = "这不是数据库 not a database"u8.ToArray();
        await File.WriteAllBytesAsync(file, garbage);

        var run = await CliRun.RunAsync(["chat", "--jsonl"], "你好\n", data: data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public void Explain_LeavesBugsAlone() => Assert.Null(StartupFailure.Explain(new NullReferenceException()));
}
