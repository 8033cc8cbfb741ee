namespace WeComHelpBot.Knowledge;

/// <summary>
/// The analysed terms of one entry, kept in memory to score confidence without touching the index; terms are numbers
/// of the index's vocabulary (<see cref="KnowledgeIndex.TermId"/>).
/// <see cref="NamingWords"/> are the words of the title and the tags: a question that uses one names the entry's topic.
/// </summary>
internal sealed record EntryProfile(
    KnowledgeEntry Entry,
    HashSet<int> KeyWords,
    HashSet<int> AnswerWords,
    HashSet<int> KeyGrams,
    HashSet<int> AnswerGrams,
    IReadOnlyList<Phrasing> Phrasings,
    HashSet<int> NamingWords,
    EnglishProfile? English = null);

/// <summary>The stemmed English words of an entry's en: block: title and questions (key), answer, and each phrasing.</summary>
internal sealed record EnglishProfile(HashSet<int> KeyWords, HashSet<int> AnswerWords, IReadOnlyList<Phrasing> Phrasings);
