using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Telemetry;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary><c>wecomhelp stats</c> gives the same figures whichever backend holds the events.</summary>
public sealed class AnalyticsBackendParityTests : IAsyncLifetime
{
    private readonly LiteDbSupportRecordBackend liteDb = new();
    private readonly PostgresSupportRecordBackend postgres = new();
    private readonly BotMetrics metrics = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        metrics.Dispose();
        await liteDb.DisposeAsync();
        await postgres.DisposeAsync();
    }

    [SkippableFact]
    public async Task TheSameEvents_GiveTheSameStats_FromLiteDbAndPostgres()
    {
        var fromPostgres = await RecordTrafficAsync(postgres);
        var fromLiteDb = await RecordTrafficAsync(liteDb);

        Assert.Equal(fromLiteDb, fromPostgres);
        var stats = SupportStatsCalculator.Calculate(fromLiteDb, now: End);
        Assert.Equal(4, stats.Total.Conversations);
        Assert.Equal(3, stats.Days.Count);
        Assert.Equal(
            JsonSerializer.Serialize(stats),
            JsonSerializer.Serialize(SupportStatsCalculator.Calculate(fromPostgres, now: End)));
        Assert.Equal(
            JsonSerializer.Serialize(SupportStatsCalculator.Calculate(fromLiteDb, DateOnly.Parse("2026-11-25", System.Globalization.CultureInfo.InvariantCulture), null, End)),
            JsonSerializer.Serialize(SupportStatsCalculator.Calculate(fromPostgres, DateOnly.Parse("2026-11-25", System.Globalization.CultureInfo.InvariantCulture), null, End)));
    }

    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 24, 15, 59, 58, TimeSpan.Zero).AddTicks(4_321);

    private static readonly DateTimeOffset End = Start.AddDays(2);

    /// <summary>Three China days of traffic: the first turn just before midnight China time and a few ticks past a whole millisecond.</summary>
    private async Task<IReadOnlyList<AnalyticsEvent>> RecordTrafficAsync(SupportRecordBackend backend)
    {
        var time = new FakeTimeProvider(Start);
        var analytics = new SupportAnalytics(backend.StartProcess().Analytics, new PersonalDataMasker(), time, metrics);
        await analytics.RecordConversationStartedAsync("c1", "webchat");
        await analytics.RecordKnowledgeAnsweredAsync("c1", "legal-person-check", 0.91, "法人校验不通过咋办");
        await analytics.RecordFeedbackAsync("c1", "legal-person-check", "法人校验不通过咋办", helpful: true);
        time.Advance(TimeSpan.FromSeconds(3));
        await analytics.RecordConversationStartedAsync("c2", "wecom");
        await analytics.RecordKnowledgeAnsweredAsync("c2", "admin-change", 0.62, "管理员换人");
        await analytics.RecordFeedbackAsync("c2", "admin-change", "管理员换人", helpful: false, NotHelpfulReason.RelatedButUnsolved);
        await analytics.RecordHumanHandoffRequestedAsync("c2", "转人工");
        await analytics.RecordTicketCreatedAsync("c2", "T20261125-001");
        time.Advance(TimeSpan.FromMinutes(7));
        await analytics.RecordConversationStartedAsync("c3", "webchat");
        await analytics.RecordQuestionUnansweredAsync("c3", "能开发票不", 0.31, lowConfidence: true);
        await analytics.RecordFlowStartedAsync("c3", "register");
        await analytics.RecordFlowCompletedAsync("c3", "register", resolved: false);
        await analytics.RecordRatingRequestedAsync("c3");
        await analytics.RecordRatingAsync("c3", 2, "太慢了");
        time.Advance(TimeSpan.FromDays(1));
        await analytics.RecordConversationStartedAsync("c4", "directline");
        await analytics.RecordQuestionUnansweredAsync("c4", "今天天气咋样", null, lowConfidence: false);
        await analytics.RecordClarifyShownAsync("c4", "认证", ["verify-company", "verify-person"]);
        await analytics.RecordConversationEndedAsync("c4", "goodbye");
        return await analytics.GetEventsAsync();
    }
}
