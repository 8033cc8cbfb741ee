namespace WeComHelpBot.Recognition;

/// <summary>How an option was picked; <see cref="Index"/> is 0-based.</summary>
public sealed record ChoiceMatch(int Index, ChoiceMatchKind Kind);
