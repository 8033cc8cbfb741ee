namespace WeComHelpBot.Knowledge;

/// <summary>Checks what only the whole knowledge base shows: ids used twice and related: links to missing entries or to the entry itself.</summary>
internal static class KnowledgeCrossFileChecker
{
    public static void Check(List<KnowledgeEntry> entries, List<KnowledgeIdLocation> ids, List<KnowledgeProblem> problems)
    {
        var first = new Dictionary<string, KnowledgeIdLocation>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!first.TryAdd(id.Id, id))
            {
                var original = first[id.Id];
                problems.Add(new KnowledgeProblem(id.File, id.Line, $"id {id.Id} 重复了（第一次出现在 {original.File}:{original.Line}）"));
            }
        }

        foreach (var entry in entries)
        {
            foreach (var related in entry.Related)
            {
                if (!first.ContainsKey(related))
                {
                    problems.Add(new KnowledgeProblem(entry.SourceFile, entry.Line, $"条目 {entry.Id} 的 related 里的 {related} 不存在"));
                }
                else if (related == entry.Id)
                {
                    problems.Add(new KnowledgeProblem(entry.SourceFile, entry.Line, $"条目 {entry.Id} 的 related 指向了它自己"));
                }
            }
        }
    }
}
