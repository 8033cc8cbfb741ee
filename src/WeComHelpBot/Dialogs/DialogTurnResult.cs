namespace WeComHelpBot.Dialogs;

/// <summary>What a dialog operation left behind: the status and, when a dialog ended, its result.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
