using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Analytics;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>The issue-7 numbers of `stats`: knowledge hit rate, transfer-to-human rate, satisfaction, per day and in total.</summary>
public sealed class StatsRatesTests : IDisposable
{
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Json_HasHitRateTransferRateAndSatisfaction_PerDayAndInTotal()
    {
        await SeedTwoDaysAsync();

        var result = await cli.RunAsync("stats", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(0.75, total.GetProperty("knowledgeHitRate").GetDouble(), 3);
        Assert.Equal(1.0 / 3, total.GetProperty("transferToHumanRate").GetDouble(), 3);
        Assert.Equal(3.5, total.GetProperty("satisfactionAverage").GetDouble(), 3);
        Assert.Equal(2.0 / 3, total.GetProperty("ratingParticipation").GetDouble(), 3);

        var days = json.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-11-24", "2026-11-25"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(1.0, days[0].GetProperty("knowledgeHitRate").GetDouble(), 3);
        Assert.Equal(0.0, days[0].GetProperty("transferToHumanRate").GetDouble(), 3);
        Assert.Equal(5.0, days[0].GetProperty("satisfactionAverage").GetDouble(), 3);
        Assert.Equal(2.0 / 3, days[1].GetProperty("knowledgeHitRate").GetDouble(), 3);
        Assert.Equal(0.5, days[1].GetProperty("transferToHumanRate").GetDouble(), 3);
        Assert.Equal(2.0, days[1].GetProperty("satisfactionAverage").GetDouble(), 3);
        Assert.Equal(0.5, days[1].GetProperty("ratingParticipation").GetDouble(), 3);
    }

    [Fact]
    public async Task Text_ShowsTheSameRates()
    {
        await SeedTwoDaysAsync();

        var result = await cli.RunAsync("stats");

        Assert.Contains("知识命中率（答偏的不算）：75.0%", result.Output);
        Assert.Contains("转人工率：33.3%", result.Output);
        Assert.Contains("满意度：3.50 分（2 人评分，参与率 66.7%）", result.Output);
        Assert.Contains("2026-11-24\t", result.Output);
        Assert.Contains("2026-11-25\t", result.Output);
    }

    /// <summary>Day 1: one conversation, answered, rated 5. Day 2: two conversations, three questions of which one unanswered, one conversation handed to a person; one rating of 2 out of two asked.</summary>
    private async Task SeedTwoDaysAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        var paths = new BotPaths { DataDirectory = cli.DataDirectory };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        await using var provider = services.BuildServiceProvider();
        var analytics = provider.GetRequiredService<SupportAnalytics>();

        await analytics.RecordConversationStartedAsync("d1");
        await analytics.RecordKnowledgeAnsweredAsync("d1", "verify-face", 0.8);
        await analytics.RecordRatingRequestedAsync("d1");
        await analytics.RecordRatingAsync("d1", 5);

        clock.Advance(TimeSpan.FromDays(1));
        await analytics.RecordConversationStartedAsync("d2a");
        await analytics.RecordKnowledgeAnsweredAsync("d2a", "verify-duration", 0.7);
        await analytics.RecordRatingRequestedAsync("d2a");
        await analytics.RecordRatingAsync("d2a", 2, "不太清楚");
        await analytics.RecordConversationStartedAsync("d2b");
        await analytics.RecordKnowledgeAnsweredAsync("d2b", "verify-face", 0.6);
        await analytics.RecordQuestionUnansweredAsync("d2b", "能开发票吗", 0.1, lowConfidence: false);
        await analytics.RecordHumanHandoffRequestedAsync("d2b", "转人工");
        await analytics.RecordRatingRequestedAsync("d2b");
    }
}
