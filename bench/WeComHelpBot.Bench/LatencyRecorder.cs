using System.Diagnostics;

namespace WeComHelpBot.Bench;

/// <summary>Collects per-operation latencies (thread-safe per instance when each thread uses its own) and reports percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;

    public void Add(TimeSpan elapsed) => samples.Add(elapsed.TotalMilliseconds);

    public void AddTicks(long stopwatchTicks) => samples.Add(stopwatchTicks * 1000.0 / Stopwatch.Frequency);

    public static LatencyRecorder Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new LatencyRecorder();
        foreach (var r in recorders)
        {
            merged.samples.AddRange(r.samples);
        }

        return merged;
    }

    public double Percentile(double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public string Summary() => $"n={Count} p50={Percentile(50):0.000} ms p99={Percentile(99):0.000} ms max={Percentile(100):0.000} ms";
}
