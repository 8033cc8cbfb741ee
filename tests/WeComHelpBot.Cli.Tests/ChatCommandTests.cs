using System.Text.Json;

namespace WeComHelpBot.Cli.Tests;

public sealed class ChatCommandTests
{
    [Fact]
    public async Task ChatJsonl_WritesOneLinePerMessage_WithChoicesAsText()
    {
        var run = await CliRun.RunAsync(["chat", "--jsonl"], "打款好几天了还没到账咋办\n2\n天气怎么样\n");

        Assert.Equal(0, run.ExitCode);
        var turns = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, turns.Count);
        Assert.Equal(["user", "replies"], turns[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("打款好几天了还没到账咋办", turns[0].GetProperty("user").GetString());
        var first = turns[0].GetProperty("replies").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(2, first.Count);
        Assert.StartsWith("先找到银行回执上的流水号", first[0]);
        Assert.Contains("(2) 最多能添加多少成员", first[1]);
        Assert.StartsWith("企业初始最多 200 个成员", turns[1].GetProperty("replies")[0].GetString());
        Assert.StartsWith("抱歉，这个问题不在我能回答的范围里", turns[2].GetProperty("replies")[0].GetString());
    }

    [Fact]
    public async Task ChatJsonl_EmptyLine_IsATurnWithTheEmptyMessageReply()
    {
        var run = await CliRun.RunAsync(["chat", "--jsonl"], "\n");

        using var turn = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal("", turn.RootElement.GetProperty("user").GetString());
        Assert.Single(turn.RootElement.GetProperty("replies").EnumerateArray());
    }

    [Fact]
    public async Task Chat_Interactive_ShowsTheWelcomeFirst()
    {
        var run = await CliRun.RunAsync(["chat"], "个体户能加几个人\n退出\n");

        Assert.Equal(0, run.ExitCode);
        var welcome = run.Output.IndexOf("您好，我是企业微信注册助手", StringComparison.Ordinal);
        var answer = run.Output.IndexOf("企业初始最多 200 个成员", StringComparison.Ordinal);
        Assert.True(welcome >= 0 && answer > welcome, run.Output);
    }

    [Fact]
    public async Task ChatJsonl_SameConversationId_KeepsThePendingChoicesAcrossRuns()
    {
        // The default storage is in memory per process, so continuity is checked within one services instance:
        // the follow-up pick works in the turn after the answer of the same run.
        var run = await CliRun.RunAsync(["chat", "--jsonl", "--conversation", "fixed-id"], "打款好几天了还没到账咋办\n第一个\n");

        var turns = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.StartsWith("对公打款验证只需要银行账户信息", turns[1].GetProperty("replies")[0].GetString());
    }
}
