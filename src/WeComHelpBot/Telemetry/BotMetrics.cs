using System.Diagnostics.Metrics;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.Telemetry;

/// <summary>
/// The bot's metrics (meter <see cref="MeterName"/>): turns, turn latency, answers by kind, hand-overs and failed turns.
/// With no listener (Telemetry:Prometheus off, the default) each instrument is disabled and a recording is one flag test.
/// Tags carry only fixed words (channel names, answer kinds), never text, ids or numbers from users.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "WeComHelpBot";

    private readonly Meter meter;
    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> answers;
    private readonly Counter<long> handovers;
    private readonly Counter<long> errors;

    public BotMetrics()
    {
        meter = new Meter(MeterName);
        turns = meter.CreateCounter<long>("wecomhelp.turns", "{turn}", "Turns the bot handled, by channel");
        turnDuration = meter.CreateHistogram(
            "wecomhelp.turn.duration",
            "s",
            "Time from receiving an activity to the end of its turn (state and transcript written), by channel",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });
        answers = meter.CreateCounter<long>("wecomhelp.answers", "{answer}", "Questions by outcome: knowledge, clarify, low_confidence, unanswered");
        handovers = meter.CreateCounter<long>("wecomhelp.handovers", "{handover}", "Hand-overs to a person: requested, ticket_created");
        errors = meter.CreateCounter<long>("wecomhelp.errors", "{turn}", "Turns that failed with an exception, by channel");
    }

    /// <summary>This instance's meter: tests listen to it alone while other instances record in parallel.</summary>
    internal Meter Meter => meter;

    /// <summary>True when something listens to the turn latency; only then is a turn's clock read.</summary>
    public bool MeasuresTurns => turnDuration.Enabled || turns.Enabled;

    public void TurnCompleted(string? channelId, TimeSpan elapsed)
    {
        var channel = new KeyValuePair<string, object?>("channel", ChannelTag(channelId));
        turns.Add(1, channel);
        turnDuration.Record(elapsed.TotalSeconds, channel);
    }

    public void TurnFailed(string? channelId) =>
        errors.Add(1, new KeyValuePair<string, object?>("channel", ChannelTag(channelId)));

    /// <summary>Counts what an analytics event says about answers and hand-overs; other events are not metrics.</summary>
    public void Record(AnalyticsEvent analyticsEvent)
    {
        switch (analyticsEvent.Type)
        {
            case AnalyticsEventType.KnowledgeAnswered:
                answers.Add(1, new KeyValuePair<string, object?>("kind", "knowledge"));
                break;
            case AnalyticsEventType.ClarifyShown:
                answers.Add(1, new KeyValuePair<string, object?>("kind", "clarify"));
                break;
            case AnalyticsEventType.QuestionUnanswered:
                answers.Add(1, new KeyValuePair<string, object?>("kind", analyticsEvent.Reason == SupportAnalytics.LowConfidence ? "low_confidence" : "unanswered"));
                break;
            case AnalyticsEventType.HumanHandoffRequested:
                handovers.Add(1, new KeyValuePair<string, object?>("stage", "requested"));
                break;
            case AnalyticsEventType.TicketCreated:
                handovers.Add(1, new KeyValuePair<string, object?>("stage", "ticket_created"));
                break;
        }
    }

    public void Dispose() => meter.Dispose();

    /// <summary>
    /// Any caller of /api/messages names its own channel id; an open set of tag values would let one fill the metrics
    /// store, so the tag is one of the channels this bot serves, or "other".
    /// </summary>
    internal static string ChannelTag(string? channelId) => channelId switch
    {
        "directline" or "wecom" or "wecom-kf" or "webchat" or "msteams" or "emulator" or "console" or "test" => channelId,
        _ => "other",
    };
}
