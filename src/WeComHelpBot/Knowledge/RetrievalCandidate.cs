namespace WeComHelpBot.Knowledge;

/// <summary>One entry found for a question: <see cref="Confidence"/> is 0..1, <see cref="LuceneScore"/> the raw BM25 score.</summary>
public sealed record RetrievalCandidate(KnowledgeEntry Entry, double Confidence, double LuceneScore, double Rank);
