namespace WeComHelpBot.Bench;

/// <summary>What a bounded load run measured: latencies (per kind of turn, and all), turns sent per conversation, errors and wall time.</summary>
public sealed record LoadResult(IReadOnlyList<LatencyRecorder> LatencyByKind, int[] SentPerConversation, IReadOnlyList<string> Errors, TimeSpan Elapsed)
{
    /// <summary>Every turn's latency, whatever its kind.</summary>
    public LatencyRecorder Latency { get; } = LatencyRecorder.Merge(LatencyByKind);

    public int Turns => SentPerConversation.Sum();

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}
