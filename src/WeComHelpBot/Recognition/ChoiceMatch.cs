namespace WeComHelpBot.Recognition;

/// <summary>
/// How an option was picked; <see cref="Index"/> is 0-based. For <see cref="ChoiceMatchKind.Ambiguous"/> the text fits
/// <see cref="Index"/> and <see cref="Other"/> about as well, and the caller asks which one.
/// </summary>
public sealed record ChoiceMatch(int Index, ChoiceMatchKind Kind, int Other = -1)
{
    public bool IsAmbiguous => Kind == ChoiceMatchKind.Ambiguous;
}
