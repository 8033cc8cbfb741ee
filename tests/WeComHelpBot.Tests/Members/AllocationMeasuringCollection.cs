namespace WeComHelpBot.Tests.Members;

/// <summary>
/// Tests that measure the process's allocations (GC.GetTotalAllocatedBytes) run alone: other tests allocating in
/// parallel would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuringCollection
{
    public const string Name = "Allocation measuring";
}
