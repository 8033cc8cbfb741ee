using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

public sealed class StatsCommandTests : IDisposable
{
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Json_ReportsRealCounts()
    {
        await SeedAsync();

        var result = await cli.RunAsync("stats", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(2, total.GetProperty("conversations").GetInt32());
        Assert.Equal(2, total.GetProperty("answers").GetInt32());
        Assert.Equal(1, total.GetProperty("unanswered").GetInt32());
        Assert.Equal(0.5, total.GetProperty("deflectionRate").GetDouble());
        Assert.Equal(1.0, total.GetProperty("helpfulRate").GetDouble());
        Assert.Equal(4.0, total.GetProperty("satisfactionAverage").GetDouble());
        Assert.Equal(1, json.RootElement.GetProperty("days").GetArrayLength());
        Assert.Equal("怎么开发票", json.RootElement.GetProperty("topUnanswered")[0].GetProperty("question").GetString());
    }

    [Fact]
    public async Task Text_ShowsTheRatesInChinese()
    {
        await SeedAsync();

        var result = await cli.RunAsync("stats");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("对话数：2", result.Output);
        Assert.Contains("分流率（求助对话中没有转人工的）：50.0%", result.Output);
        Assert.Contains("verify.face：解答 2 次", result.Output);
    }

    [Fact]
    public async Task DateRange_BeforeAnyTraffic_IsEmpty()
    {
        await SeedAsync();

        var result = await cli.RunAsync("stats", "--from", "2001-01-01", "--to", "2001-01-31", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetProperty("conversations").GetInt32());
        Assert.Equal("2001-01-01", json.RootElement.GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("--from", "昨天")]
    [InlineData("--to", "2026-02-30")]
    public async Task BadDates_ExitTwo(string option, string value)
    {
        var result = await cli.RunAsync("stats", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("日期格式不对", result.Error);
    }

    private Task SeedAsync() => cli.SeedAsync(async services =>
    {
        var analytics = services.GetRequiredService<SupportAnalytics>();
        await analytics.RecordConversationStartedAsync("a");
        await analytics.RecordKnowledgeAnsweredAsync("a", "verify.face", 0.9);
        await analytics.RecordFeedbackAsync("a", "verify.face", "人脸识别", helpful: true);
        await analytics.RecordRatingRequestedAsync("a");
        await analytics.RecordRatingAsync("a", 4);
        await analytics.RecordConversationStartedAsync("b");
        await analytics.RecordKnowledgeAnsweredAsync("b", "verify.face", 0.7);
        await analytics.RecordQuestionUnansweredAsync("b", "怎么开发票", null, lowConfidence: false);
        await services.GetRequiredService<TicketService>().CreateAsync(new TicketRequest("b", "13812345678", "某某商行", "其他", "要开票"));
    });
}
