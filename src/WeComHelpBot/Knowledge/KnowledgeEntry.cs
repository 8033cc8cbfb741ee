namespace WeComHelpBot.Knowledge;

/// <summary>One question-and-answer entry from knowledge/*.yaml (schema in knowledge/README.md).</summary>
public sealed record KnowledgeEntry(
    string Id,
    string Title,
    int Section,
    DateOnly Reviewed,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Questions,
    string Answer,
    IReadOnlyList<string> Related,
    string? Flow,
    string SourceFile,
    int Line,
    EnglishContent? English = null);
