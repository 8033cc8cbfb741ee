namespace WeComHelpBot.Bench;

/// <summary>What a bounded load run measured: latencies, turns sent per conversation, errors and wall time.</summary>
public sealed record LoadResult(LatencyRecorder Latency, int[] SentPerConversation, IReadOnlyList<string> Errors, TimeSpan Elapsed)
{
    public int Turns => SentPerConversation.Sum();

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}
