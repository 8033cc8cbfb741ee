namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>
/// One labelled question: <see cref="Expected"/> is the entry id, or null when the question is out of scope (or, with
/// <see cref="Both"/>, a comparison whose two entries must both be shown). <see cref="Accept"/> lists other entries that
/// answer it as well; <see cref="Previous"/> is the message before a follow-up, asked first in the same conversation.
/// </summary>
public sealed record EvalCase(string Question, string? Expected, int Line)
{
    public const string OutOfScopeKind = "out-of-scope";
    public const string PlainKind = "plain";

    /// <summary>plain, colloquial, typo, comparison, long, english, traditional, followup or out-of-scope.</summary>
    public string Kind { get; init; } = Expected is null ? OutOfScopeKind : PlainKind;

    public IReadOnlyList<string> Accept { get; init; } = [];

    public IReadOnlyList<string> Both { get; init; } = [];

    public string? Previous { get; init; }

    public bool InScope => Expected is not null || Both.Count > 0;

    /// <summary>Every entry id the case names (expected, accepted, both sides).</summary>
    public IEnumerable<string> EntryIds => (Expected is null ? [] : new[] { Expected }).Concat(Accept).Concat(Both);

    /// <summary>True when showing <paramref name="shown"/> answers this case.</summary>
    public bool IsRight(IReadOnlyList<string> shown)
    {
        if (shown.Count == 0 || !InScope)
        {
            return false;
        }

        if (Both.Count > 0)
        {
            return Both.All(shown.Contains) || Accept.Contains(shown[0]) || (Expected is not null && shown[0] == Expected);
        }

        return shown.Any(id => id == Expected || Accept.Contains(id));
    }
}
