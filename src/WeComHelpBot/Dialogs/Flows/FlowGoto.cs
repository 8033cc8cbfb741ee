namespace WeComHelpBot.Dialogs.Flows;

/// <summary>A jump taken after a step when <see cref="When"/> holds (always when null). Target "end" finishes the flow.</summary>
public sealed record FlowGoto(FlowCondition? When, string Target, int Line)
{
    public const string End = "end";
}
