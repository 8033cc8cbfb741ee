using System.Text.Json;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>A ticket made in `chat --jsonl` shows up in `tickets list`, and `stats` counts that conversation.</summary>
public sealed class ChatToTicketCommandTests : IDisposable
{
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task TicketMadeInChat_IsListed_AndStatsCountTheConversation()
    {
        const string script = "个体户最多能加几个人\n有帮助\n转人工\n成员导入的时候一直提示手机号重复\n福州闽江小吃店\n13812345678\n5分\n";
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["chat", "--jsonl", "--data", cli.DataDirectory], output, error, new StringReader(script));

        Assert.Equal(0, exit);
        var turns = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(7, turns.Count);
        var ticketTurn = string.Join("\n", turns[5].GetProperty("replies").EnumerateArray().Select(r => r.GetString()));
        var number = System.Text.RegularExpressions.Regex.Match(ticketTurn, @"T\d{8}-\d{4}").Value;
        Assert.NotEmpty(number);
        Assert.Contains("满意吗", ticketTurn);

        var list = await cli.RunAsync("tickets", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(number, list.Output);
        Assert.Contains("福州闽江小吃店", list.Output);

        var show = await cli.RunAsync("tickets", "show", number);
        Assert.Contains("个体户最多能加几个人", show.Output);

        var stats = await cli.RunAsync("stats", "--format", "json");
        Assert.Equal(0, stats.ExitCode);
        using var json = JsonDocument.Parse(stats.Output);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(1, total.GetProperty("conversations").GetInt32());
        Assert.Equal(1, total.GetProperty("answers").GetInt32());
        Assert.Equal(1, total.GetProperty("helpful").GetInt32());
        Assert.Equal(1, total.GetProperty("ticketsCreated").GetInt32());
        Assert.Equal(0.0, total.GetProperty("deflectionRate").GetDouble());
        Assert.Equal(1.0, total.GetProperty("transferToHumanRate").GetDouble());
        Assert.Equal(1, total.GetProperty("flowsStarted").GetInt32());
        Assert.Equal(1, total.GetProperty("flowsCompleted").GetInt32());
        Assert.Equal(5.0, total.GetProperty("satisfactionAverage").GetDouble());
        Assert.Equal(1.0, total.GetProperty("ratingParticipation").GetDouble());
    }
}
