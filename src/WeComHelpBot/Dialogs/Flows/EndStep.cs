namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Ends the flow here, without the summary; says its text first when it has one.</summary>
public sealed record EndStep : FlowStep
{
    public FlowText? Text { get; init; }

    public override IEnumerable<(string Variable, int Line)> VariableReferences() => (Text?.VariableReferences() ?? []).Concat(base.VariableReferences());

    public override IEnumerable<string> Templates() => Text?.Parts.Select(p => p.Text) ?? [];
}
