namespace WeComHelpBot.Knowledge;

/// <summary>The analysed terms of one entry, kept in memory to score confidence without touching the index.</summary>
internal sealed record EntryProfile(
    KnowledgeEntry Entry,
    HashSet<string> KeyWords,
    HashSet<string> AnswerWords,
    HashSet<string> KeyGrams,
    HashSet<string> AnswerGrams,
    IReadOnlyList<Phrasing> Phrasings);
