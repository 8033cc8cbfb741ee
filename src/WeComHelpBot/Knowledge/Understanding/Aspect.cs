namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// One thing a comparison may ask of both its sides (时间, 先后, 费用 …; knowledge/aspects.yaml): <see cref="Asks"/> are
/// the words that ask it in a question, <see cref="Covers"/> the words that mark an entry (its title, questions or tags)
/// as being about it.
/// </summary>
public sealed record Aspect(string Name, IReadOnlyList<string> Asks, IReadOnlyList<string> Covers)
{
    /// <summary>
    /// True when each topic's own entry states this aspect (every verification method's entry says how long it takes): a
    /// question about one topic is answered by that entry, and the entry about the aspect answers comparisons only.
    /// </summary>
    public bool PerTopic { get; init; }

    /// <summary>True when <paramref name="text"/> asks about this aspect.</summary>
    public bool IsAskedIn(string text) => Asks.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="entry"/>'s title names this aspect (谁可以当管理员, 三种验证方式各要多久): the entry is about it, not only mentions it.</summary>
    public bool IsTitleOf(KnowledgeEntry entry) => Covers.Any(w => entry.Title.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="entry"/>'s title, questions or tags say it is about this aspect.</summary>
    public bool IsCoveredBy(KnowledgeEntry entry) =>
        new[] { entry.Title }.Concat(entry.Questions).Concat(entry.Tags)
            .Any(text => Covers.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)));
}
