using System.Text.Json;

namespace WeComHelpBot.Cli.Tests;

public sealed class AskCommandTests
{
    [Fact]
    public async Task Ask_PrintsTheAnswerText()
    {
        var run = await CliRun.RunAsync(["ask", "个体户最多能加几个人"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("企业初始最多 200 个成员", run.Output);
        Assert.Contains("以官方最新规定为准", run.Output);
    }

    [Fact]
    public async Task AskJson_PrintsOneObjectWithTheContractFieldsInOrder()
    {
        var run = await CliRun.RunAsync(["ask", "--json", "打款好几天了还没到账咋办"]);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.OutputLines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(["question", "answered", "answer", "entryId", "score", "suggestions", "entryIds"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("打款好几天了还没到账咋办", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Equal("bank-transfer-timeout", root.GetProperty("entryId").GetString());
        Assert.StartsWith("先找到银行回执上的流水号", root.GetProperty("answer").GetString());
        Assert.InRange(root.GetProperty("score").GetDouble(), 0, 1);
        var first = root.GetProperty("suggestions")[0];
        Assert.Equal(["entryId", "title", "score"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("对公打款验证超时怎么办", first.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AskJson_OutOfScope_HasAnsweredFalseAndNullAnswer()
    {
        var run = await CliRun.RunAsync(["ask", "--json", "天气怎么样"]);

        using var json = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.False(json.RootElement.GetProperty("answered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("answer").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entryId").ValueKind);
    }

    [Fact]
    public async Task AskJson_WithoutQuestion_AnswersEveryStdinLine()
    {
        var run = await CliRun.RunAsync(["ask", "--json"], "个体户能加几个人\n\n会话存档在哪开\n天气怎么样\n");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["个体户能加几个人", "会话存档在哪开", "天气怎么样"], lines.Select(l => l.GetProperty("question").GetString()));
        Assert.Equal("security-archive", lines[1].GetProperty("entryId").GetString());
    }

    [Fact]
    public async Task Ask_WithoutQuestion_IsBadUsage()
    {
        var run = await CliRun.RunAsync(["ask"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Ask_WithBrokenKnowledge_ExitsTwoAndNamesFileAndLine()
    {
        var run = await CliRun.RunAsync(["ask", "随便问问"], knowledge: CliRun.BrokenKnowledge);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("entries.yaml:", run.Error);
    }
}
