using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Telemetry;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>Analytics event storage behaviour, run against every backend (LiteDB, PostgreSQL).</summary>
public abstract class AnalyticsStoreContractTests(SupportRecordBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly BotMetrics metrics = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        metrics.Dispose();
        await backend.DisposeAsync();
    }

    [SkippableFact]
    public async Task Events_ReadBackWithEveryField_OldestFirst()
    {
        var store = backend.StartProcess().Analytics;
        AnalyticsEvent[] events =
        [
            new(AnalyticsEventType.ConversationStarted, "c1", Noon) { ChannelId = "wecom" },
            new(AnalyticsEventType.KnowledgeAnswered, "c1", Noon.AddSeconds(1)) { EntryId = "legal-person-check", Score = 0.8731, Text = "法人校验不过" },
            new(AnalyticsEventType.FlowCompleted, "c1", Noon.AddSeconds(2)) { FlowId = "verify", Resolved = false },
            new(AnalyticsEventType.RatingGiven, "c1", Noon.AddSeconds(3)) { Rating = 4, Text = "还行" },
            new(AnalyticsEventType.FeedbackNotHelpful, "c1", Noon.AddSeconds(4)) { EntryId = "legal-person-check", Reason = nameof(NotHelpfulReason.RelatedButUnsolved) },
            new(AnalyticsEventType.TicketCreated, "c1", Noon.AddSeconds(5)) { TicketNumber = "T20261125-001" },
        ];

        // Appended out of order, in two writes: the read orders them by time.
        await store.AppendAsync(events[3..]);
        await store.AppendAsync(events[..3]);

        Assert.Equal(events, await store.GetEventsAsync(null, null));
    }

    [SkippableFact]
    public async Task ATimeRange_IncludesItsStart_AndExcludesItsEnd()
    {
        var store = backend.StartProcess().Analytics;
        await store.AppendAsync(
        [
            new(AnalyticsEventType.ConversationStarted, "early", Noon.AddHours(-1)),
            new(AnalyticsEventType.ConversationStarted, "start", Noon),
            new(AnalyticsEventType.ConversationStarted, "inside", Noon.AddMinutes(30)),
            new(AnalyticsEventType.ConversationStarted, "end", Noon.AddHours(1)),
        ]);

        Assert.Equal(["start", "inside"], (await store.GetEventsAsync(Noon, Noon.AddHours(1))).Select(e => e.ConversationId).ToArray());
        Assert.Equal(["early"], (await store.GetEventsAsync(null, Noon)).Select(e => e.ConversationId).ToArray());
        Assert.Equal(["end"], (await store.GetEventsAsync(Noon.AddHours(1), null)).Select(e => e.ConversationId).ToArray());
    }

    [SkippableFact]
    public async Task TwoProcesses_RecordEvents_AndBothReadThemAllInOrder()
    {
        var time = new FakeTimeProvider(Noon);
        var first = new SupportAnalytics(backend.StartProcess().Analytics, new PersonalDataMasker(), time, metrics);
        var second = new SupportAnalytics(backend.StartProcess().Analytics, new PersonalDataMasker(), time, metrics);

        // The same millisecond in both processes: the order written is the order read.
        await first.RecordConversationStartedAsync("c1", "webchat");
        await second.RecordFlowStartedAsync("c1", "register");
        time.Advance(TimeSpan.FromSeconds(1));
        await first.RecordFlowCompletedAsync("c1", "register", resolved: true);
        await second.RecordConversationEndedAsync("c1", "flow_done");

        AnalyticsEventType[] expected = [AnalyticsEventType.ConversationStarted, AnalyticsEventType.FlowStarted, AnalyticsEventType.FlowCompleted, AnalyticsEventType.ConversationEnded];
        Assert.Equal(expected, (await first.GetEventsAsync()).Select(e => e.Type).ToArray());
        Assert.Equal(expected, (await second.GetEventsAsync()).Select(e => e.Type).ToArray());
    }

    [SkippableFact]
    public async Task AQuestionWithAPhoneNumber_IsStoredMasked()
    {
        var analytics = new SupportAnalytics(backend.StartProcess().Analytics, new PersonalDataMasker(), new FakeTimeProvider(Noon), metrics);

        await analytics.RecordQuestionUnansweredAsync("c1", "13812345678这个号收不到短信", 0.2, lowConfidence: true);

        var stored = Assert.Single(await backend.ReadStoredEventTextsAsync());
        Assert.DoesNotContain("13812345678", stored, StringComparison.Ordinal);
        Assert.Contains("收不到短信", stored, StringComparison.Ordinal);
    }
}
