namespace WeComHelpBot.Bench;

/// <summary>What a bounded load run measured: latencies (all, and per kind of turn), turns sent per conversation, errors and wall time.</summary>
public sealed record LoadResult(LatencyRecorder Latency, IReadOnlyList<LatencyRecorder> LatencyByKind, int[] SentPerConversation, IReadOnlyList<string> Errors, TimeSpan Elapsed)
{
    public int Turns => SentPerConversation.Sum();

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}
