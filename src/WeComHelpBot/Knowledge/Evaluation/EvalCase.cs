namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>One labelled question: <see cref="Expected"/> is the entry id, or null when the question is out of scope.</summary>
public sealed record EvalCase(string Question, string? Expected, int Line)
{
    public bool InScope => Expected is not null;
}
