using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;
using WeComHelpBot.Bot;
using WeComHelpBot.Cli;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Cli.Tests;

/// <summary>`kb gaps` on events recorded through SupportAnalytics, accepting into a copy of the real knowledge/.</summary>
public sealed class KbGapsCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "wecomhelp-gaps-tests", Guid.NewGuid().ToString("N"));

    public KbGapsCommandTests()
    {
        Directory.CreateDirectory(Knowledge);
        // Without decision.yaml: these tests follow the gap pipeline on questions the confidence rule leaves unanswered.
        // The calibrated decision answers 认证费能开发票吗 with the fee entry, which would close the group they watch.
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "knowledge"), "*.yaml").Where(f => Path.GetFileName(f) != "decision.yaml"))
        {
            File.Copy(file, Path.Combine(Knowledge, Path.GetFileName(file)));
        }
    }

    private string Knowledge => Path.Combine(root, "knowledge");

    private string Data => Path.Combine(root, "data");

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task Gaps_ListsGroupsRankedByCount_WithAProposalEach()
    {
        await SeedAsync();

        var run = await RunAsync("kb", "gaps");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("没答上或没帮助的问题 6 个，归成 3 组", run.Output);
        Assert.Contains("1. “认证费能开发票吗”  问了 4 次（把握不大 3，没帮助 1）", run.Output);
        Assert.Contains("类似问法：认证费可以开发票吗", run.Output);
        Assert.Contains("建议：加为条目 verify-wechat-cert", run.Output);
        Assert.Contains("“今天天气怎么样”  问了 1 次（没答上 1）", run.Output);
        Assert.Contains("建议：需要新条目", run.Output);
    }

    [Fact]
    public async Task Gaps_Json_AndMinCount()
    {
        await SeedAsync();

        var json = await RunAsync("kb", "gaps", "--format", "json");
        var frequent = await RunAsync("kb", "gaps", "--format", "json", "--min-count", "2");

        Assert.Equal(0, json.ExitCode);
        using var all = JsonDocument.Parse(json.Output);
        Assert.Equal(3, all.RootElement.GetArrayLength());
        var first = all.RootElement[0];
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(4, first.GetProperty("count").GetInt32());
        Assert.Equal("add-example", first.GetProperty("proposal").GetString());
        Assert.Equal("verify-wechat-cert", first.GetProperty("entryId").GetString());
        Assert.Contains(all.RootElement.EnumerateArray(), g => g.GetProperty("proposal").GetString() == "new-entry");
        using var some = JsonDocument.Parse(frequent.Output);
        Assert.Equal(1, some.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Accept_WritesTheQuestionIntoTheEntryFile_KeepingEverythingElse_AndValidateAndEvalStillPass()
    {
        await SeedAsync();
        var before = Directory.GetFiles(Knowledge).ToDictionary(f => f, File.ReadAllBytes);

        var accept = await RunAsync("kb", "gaps", "--accept", "1");

        Assert.Equal(0, accept.ExitCode);
        Assert.Contains("已把“认证费能开发票吗”加为条目 verify-wechat-cert", accept.Output);
        var changed = Assert.Single(before, kv => !kv.Value.AsSpan().SequenceEqual(File.ReadAllBytes(kv.Key)));
        var oldLines = File.ReadAllText(changed.Key).Split('\n').ToList();
        var added = Assert.Single(oldLines, l => l.TrimEnd('\r') == "      - 认证费能开发票吗");
        oldLines.Remove(added);
        Assert.Equal(changed.Value, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', oldLines)));

        var validate = await RunAsync("kb", "validate");
        var eval = await RunAsync("kb", "eval", Path.Combine(AppContext.BaseDirectory, "kb-eval.jsonl"), "--min-top1", "0.90");
        var again = await RunAsync("kb", "gaps");

        Assert.Equal(0, validate.ExitCode);
        Assert.True(eval.ExitCode == 0, eval.Output + eval.Error);
        Assert.DoesNotContain("“认证费能开发票吗”", again.Output);
    }

    [Fact]
    public async Task Accept_NewEntryGroupWithoutEntry_ExitsTwo_AndChangesNothing()
    {
        await SeedAsync();
        var number = await NumberOfAsync("今天天气怎么样");
        var before = Directory.GetFiles(Knowledge).Select(File.ReadAllBytes).ToList();

        var run = await RunAsync("kb", "gaps", "--accept", number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("需要新条目", run.Error);
        Assert.Contains("--entry", run.Error);
        Assert.Equal(before, Directory.GetFiles(Knowledge).Select(File.ReadAllBytes).ToList());
    }

    [Fact]
    public async Task Accept_WithEntry_OverridesTheProposal()
    {
        await SeedAsync();
        var number = await NumberOfAsync("法人不在身边咋认证");

        var run = await RunAsync("kb", "gaps", "--accept", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--entry", "prep-legal-id");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("条目 prep-legal-id", run.Output);
        Assert.Equal(0, (await RunAsync("kb", "validate")).ExitCode);
    }

    [Theory]
    [InlineData("--accept", "99")]
    [InlineData("--accept", "1", "--entry", "no-such-entry")]
    [InlineData("--entry", "prep-legal-id")]
    [InlineData("--min-count", "0")]
    public async Task BadUsage_ExitsTwo(params string[] args)
    {
        await SeedAsync();

        var run = await RunAsync(["kb", "gaps", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error.Trim());
    }

    private async Task<int> NumberOfAsync(string question)
    {
        using var json = JsonDocument.Parse((await RunAsync("kb", "gaps", "--format", "json")).Output);
        return json.RootElement.EnumerateArray().Single(g => g.GetProperty("question").GetString() == question).GetProperty("number").GetInt32();
    }

    /// <summary>What the bot would have recorded: low-confidence and off-topic questions, and two 没帮助.</summary>
    private async Task SeedAsync()
    {
        var paths = new BotPaths { DataDirectory = Data };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        await using var provider = services.BuildServiceProvider();
        var analytics = provider.GetRequiredService<SupportAnalytics>();
        await analytics.RecordQuestionUnansweredAsync("c1", "认证费能开发票吗", 0.25, lowConfidence: true);
        await analytics.RecordQuestionUnansweredAsync("c2", "认证费能开发票吗？", 0.25, lowConfidence: true);
        await analytics.RecordQuestionUnansweredAsync("c3", "认证费可以开发票吗", 0.26, lowConfidence: true);
        await analytics.RecordFeedbackAsync("c4", "verify-duration", "认证费能开发票吗", helpful: false, NotHelpfulReason.Irrelevant);
        await analytics.RecordQuestionUnansweredAsync("c5", "今天天气怎么样", 0.01, lowConfidence: false);
        await analytics.RecordFeedbackAsync("c6", "verify-no-legal-wechat", "法人不在身边咋认证", helpful: false, NotHelpfulReason.Irrelevant);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--knowledge", Knowledge, "--data", Data], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
