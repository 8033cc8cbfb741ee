namespace WeComHelpBot.Knowledge;

/// <summary>Something wrong in a knowledge file, reported as <c>file:line: problem</c>.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
