namespace WeComHelpBot.Knowledge;

/// <summary>Entries whose facts were last checked longer ago than a given age (`wecomhelp kb stale`).</summary>
public static class StaleEntries
{
    public static IReadOnlyList<KnowledgeEntry> Find(KnowledgeBase knowledge, int olderThanDays, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var cutoff = today.AddDays(-olderThanDays);
        return knowledge.Entries.Where(e => e.Reviewed < cutoff).OrderBy(e => e.Reviewed).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }
}
