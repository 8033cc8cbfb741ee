namespace WeComHelpBot.Dialogs.Flows;

/// <summary>One line of a message template, shown only when <see cref="When"/> holds (always when null).</summary>
public sealed record FlowTextPart(string Text, FlowCondition? When, int Line);
