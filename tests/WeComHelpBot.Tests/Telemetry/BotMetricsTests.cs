using System.Diagnostics.Metrics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using WeComHelpBot.Analytics;
using WeComHelpBot.Telemetry;

namespace WeComHelpBot.Tests.Telemetry;

public sealed class BotMetricsTests : IDisposable
{
    private readonly BotMetrics metrics = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured = [];
    private MeterListener? listener;

    public void Dispose()
    {
        listener?.Dispose();
        metrics.Dispose();
    }

    [Fact]
    public void WithNoListener_TurnsAreNotTimed()
    {
        Assert.False(metrics.MeasuresTurns);
    }

    [Fact]
    public async Task Turn_IsCountedAndTimed_ByChannel()
    {
        Listen();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("metrics")).Use(new TurnMetricsMiddleware(metrics));

        await new TestFlow(adapter, (turn, ct) => turn.SendActivityAsync("好的", cancellationToken: ct))
            .Send("你好").AssertReply("好的")
            .StartTestAsync();

        Assert.Contains(measured, m => m.Instrument == "wecomhelp.turns" && m.Value == 1 && (string?)m.Tags["channel"] == "test");
        Assert.Contains(measured, m => m.Instrument == "wecomhelp.turn.duration" && m.Value > 0 && (string?)m.Tags["channel"] == "test");
    }

    [Fact]
    public async Task FailedTurn_IsCountedAsAnError_AndStillFails()
    {
        Listen();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("metrics")).Use(new TurnMetricsMiddleware(metrics));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new TestFlow(adapter, (_, _) => throw new InvalidOperationException("boom")).Send("你好").StartTestAsync());

        Assert.Contains(measured, m => m.Instrument == "wecomhelp.errors" && (string?)m.Tags["channel"] == "test");
        Assert.DoesNotContain(measured, m => m.Instrument == "wecomhelp.turns");
    }

    [Theory]
    [InlineData(AnalyticsEventType.KnowledgeAnswered, null, "wecomhelp.answers", "kind", "knowledge")]
    [InlineData(AnalyticsEventType.ClarifyShown, null, "wecomhelp.answers", "kind", "clarify")]
    [InlineData(AnalyticsEventType.QuestionUnanswered, SupportAnalytics.LowConfidence, "wecomhelp.answers", "kind", "low_confidence")]
    [InlineData(AnalyticsEventType.QuestionUnanswered, SupportAnalytics.NoMatch, "wecomhelp.answers", "kind", "unanswered")]
    [InlineData(AnalyticsEventType.HumanHandoffRequested, "flow", "wecomhelp.handovers", "stage", "requested")]
    [InlineData(AnalyticsEventType.TicketCreated, null, "wecomhelp.handovers", "stage", "ticket_created")]
    public void AnalyticsEvent_CountsAsItsKind(AnalyticsEventType type, string? reason, string instrument, string tag, string value)
    {
        Listen();

        metrics.Record(new AnalyticsEvent(type, "c1", DateTimeOffset.UnixEpoch) { Reason = reason, Text = "13812345678" });

        var m = Assert.Single(measured);
        Assert.Equal(instrument, m.Instrument);
        Assert.Equal(value, m.Tags[tag]);
        Assert.DoesNotContain(m.Tags.Values, v => v is string s && s.Contains("138", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("directline", "directline")]
    [InlineData("wecom", "wecom")]
    [InlineData("anything-a-caller-made-up", "other")]
    [InlineData(null, "other")]
    public void ChannelTag_IsOneOfAFewWords(string? channelId, string expected)
    {
        Assert.Equal(expected, BotMetrics.ChannelTag(channelId));
    }

    private void Listen()
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this test's instance: other tests' bots record on meters of the same name in parallel.
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (measured)
        {
            measured.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }
}
