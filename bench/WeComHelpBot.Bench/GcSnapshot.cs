namespace WeComHelpBot.Bench;

/// <summary>Garbage-collector counters at one moment; subtract two to see what a piece of work cost.</summary>
public readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, long AllocatedBytes, TimeSpan Pause)
{
    public static GcSnapshot Take() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalAllocatedBytes(precise: false),
        GC.GetTotalPauseDuration());

    public static GcSnapshot operator -(GcSnapshot after, GcSnapshot before) => new(
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Pause - before.Pause);

    public string Describe() =>
        $"gen0/1/2 {Gen0}/{Gen1}/{Gen2}, pause {Pause.TotalMilliseconds:0} ms, alloc {AllocatedBytes / 1048576.0:0} MB";
}
