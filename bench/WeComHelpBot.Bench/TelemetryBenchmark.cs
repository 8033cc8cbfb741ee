using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using WeComHelpBot.Analytics;
using WeComHelpBot.Telemetry;

namespace WeComHelpBot.Bench;

/// <summary>
/// What the metrics cost a turn: <see cref="TurnMetricsMiddleware"/> around an empty turn plus one analytics event
/// recorded, with nothing listening (Telemetry:Prometheus off, the default) and with a listener enabling every
/// instrument (what the OpenTelemetry SDK does when it is on), against the same turn without the middleware.
/// </summary>
public static class TelemetryBenchmark
{
    public static async Task<int> RunAsync(int turns, TextWriter output, CancellationToken cancellationToken)
    {
        using var metrics = new BotMetrics();
        var middleware = new TurnMetricsMiddleware(metrics);
        using var context = new TurnContext(new TestAdapter(), new Microsoft.Bot.Schema.Activity(ActivityTypes.Message, channelId: "directline", text: "你好"));
        var answered = new AnalyticsEvent(AnalyticsEventType.KnowledgeAnswered, "c", DateTimeOffset.UnixEpoch);
        NextDelegate next = _ =>
        {
            metrics.Record(answered);
            return Task.CompletedTask;
        };

        // Each variant twice, the first as warm-up (JIT tiering), so the order does not favour one.
        double none = 0, off = 0, on = 0;
        for (var round = 0; round < 2; round++)
        {
            none = await TimeAsync(() => next(cancellationToken));
            off = await TimeAsync(() => middleware.OnTurnAsync(context, next, cancellationToken));
            using (Listen(metrics))
            {
                on = await TimeAsync(() => middleware.OnTurnAsync(context, next, cancellationToken));
            }
        }

        output.WriteLine($"telemetry: {turns} empty turns each, ns per turn (one analytics event each)");
        output.WriteLine("| variant | ns per turn | added by metrics |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine($"| no metrics middleware | {none:0.0} | |");
        output.WriteLine($"| metrics off (default) | {off:0.0} | {off - none:+0.0;-0.0} |");
        output.WriteLine($"| metrics on (every instrument listened to) | {on:0.0} | {on - none:+0.0;-0.0} |");
        return 0;

        async Task<double> TimeAsync(Func<Task> turn)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < turns; i++)
            {
                await turn();
            }

            return Stopwatch.GetElapsedTime(started).TotalNanoseconds / turns;
        }
    }

    private static MeterListener Listen(BotMetrics metrics)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        long sink = 0;
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => sink += value);
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => sink += (long)value);
        listener.Start();
        return listener;
    }
}
