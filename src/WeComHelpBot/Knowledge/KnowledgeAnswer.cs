namespace WeComHelpBot.Knowledge;

/// <summary>How sure retrieval is about a question, and therefore what the bot does with it.</summary>
public enum AnswerKind
{
    /// <summary>Confident: answer with the top entry.</summary>
    Answer,

    /// <summary>Near the threshold: ask "您是想问…" with the top candidates.</summary>
    Clarify,

    /// <summary>Below the threshold or out of scope: say so and list what the bot can help with.</summary>
    OutOfScope,
}

/// <summary>One candidate entry for a question.</summary>
public sealed record KnowledgeSuggestion(string EntryId, string Title, double Score);

/// <summary>The result of asking the knowledge base one question.</summary>
public sealed record KnowledgeAnswer(
    string Question,
    AnswerKind Kind,
    string? EntryId,
    string? Title,
    string? Text,
    double Score,
    IReadOnlyList<KnowledgeSuggestion> Suggestions)
{
    public bool Answered => Kind == AnswerKind.Answer;

    /// <summary>The entries the answer shows: one, or the two sides of a comparison (the first is <see cref="EntryId"/>).</summary>
    public IReadOnlyList<string> EntryIds { get; init; } = [];

    /// <summary>The question was asked in English: the answer and the bot's words around it are in English.</summary>
    public bool English { get; init; }
}
