namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// An option of a choice step; picking it may jump to <see cref="Goto"/>. <see cref="Description"/> says what the option
/// means: an answer that describes it in other words picks it, and 帮助 reads it out.
/// </summary>
public sealed record FlowChoice(string Value, IReadOnlyList<string> Synonyms, string? Goto, int Line, string? Description = null);
