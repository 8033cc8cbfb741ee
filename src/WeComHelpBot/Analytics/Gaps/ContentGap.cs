using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>
/// A group of similar questions the knowledge base did not serve, numbered by rank (most asked first). When
/// <see cref="ProposedEntry"/> is set, the proposal is to add <see cref="Representative"/> to that entry's example
/// questions; otherwise a new entry is needed (<see cref="ClosestEntry"/> is then only for orientation).
/// </summary>
public sealed record ContentGap(
    int Number,
    string Representative,
    int Count,
    IReadOnlyList<GapVariant> Variants,
    IReadOnlyDictionary<GapSource, int> Sources,
    KnowledgeEntry? ProposedEntry,
    KnowledgeEntry? ClosestEntry,
    double Confidence,
    DateTimeOffset LastAsked)
{
    public bool NeedsNewEntry => ProposedEntry is null;

    /// <summary>Entries whose answer was marked 相关但没解决 in this group: their answer may need more, not more questions.</summary>
    public IReadOnlyList<string> UnsolvedEntries { get; init; } = [];
}
