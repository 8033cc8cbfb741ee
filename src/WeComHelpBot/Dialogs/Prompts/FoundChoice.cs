using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>The option a <see cref="ChoicePrompt"/> recognized; <see cref="Index"/> is 0-based.</summary>
public sealed record FoundChoice(string Value, int Index, ChoiceMatchKind MatchKind);
