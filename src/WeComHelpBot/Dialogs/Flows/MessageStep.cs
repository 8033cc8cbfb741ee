namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Says its text and goes on.</summary>
public sealed record MessageStep : FlowStep
{
    public required FlowText Text { get; init; }

    public override IEnumerable<(string Variable, int Line)> VariableReferences() => Text.VariableReferences().Concat(base.VariableReferences());

    public override IEnumerable<string> Templates() => Text.Parts.Select(p => p.Text);
}
