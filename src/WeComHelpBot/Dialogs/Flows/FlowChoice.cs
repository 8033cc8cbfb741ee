namespace WeComHelpBot.Dialogs.Flows;

/// <summary>An option of a choice step; picking it may jump to <see cref="Goto"/>.</summary>
public sealed record FlowChoice(string Value, IReadOnlyList<string> Synonyms, string? Goto, int Line);
