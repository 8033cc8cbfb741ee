namespace WeComHelpBot.Recognition;

public enum ChoiceMatchKind
{
    Exact,
    Contained,
    Ordinal,
    Number,
    Partial,

    /// <summary>The text describes the option in other words (bigrams shared with its value, synonyms and description).</summary>
    Similar,

    /// <summary>The text fits two options about equally: not a pick, a reason to ask.</summary>
    Ambiguous,
}
