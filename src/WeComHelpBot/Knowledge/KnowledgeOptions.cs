namespace WeComHelpBot.Knowledge;

/// <summary>Run-time knowledge settings (section "Knowledge"); retrieval tuning is in <see cref="RetrievalOptions"/>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// How many questions' retrieval results are kept in memory (<see cref="RetrievalResultCache"/>); 0 turns the
    /// cache off. Values 1 and 2 are raised to 3, the smallest cache the LRU supports.
    /// </summary>
    public int ResultCacheSize { get; set; } = 4096;
}
