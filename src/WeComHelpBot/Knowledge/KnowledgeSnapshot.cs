namespace WeComHelpBot.Knowledge;

/// <summary>One loaded knowledge base with the index and retriever built from it; the three always belong together.</summary>
public sealed record KnowledgeSnapshot(KnowledgeBase Knowledge, KnowledgeIndex Index, KnowledgeRetriever Retriever);
