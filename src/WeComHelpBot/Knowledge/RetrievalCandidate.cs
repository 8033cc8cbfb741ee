namespace WeComHelpBot.Knowledge;

/// <summary>
/// One entry found for a question: <see cref="Confidence"/> is 0..1, <see cref="LuceneScore"/> the raw BM25 score;
/// <see cref="Coverage"/> and <see cref="Closest"/> are the two parts confidence mixes (the share of the question the
/// entry covers, and the closeness to its nearest example question); <see cref="NamesTopic"/>: the question uses a word of
/// the entry's title or tags.
/// </summary>
public sealed record RetrievalCandidate(KnowledgeEntry Entry, double Confidence, double LuceneScore, double Rank, double Coverage = 0, double Closest = 0, bool NamesTopic = false);
