namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Says its text and keeps the flow for later: "继续" takes it up again at the question before the pause.</summary>
public sealed record PauseStep : FlowStep
{
    public required FlowText Text { get; init; }

    public override IEnumerable<(string Variable, int Line)> VariableReferences() => Text.VariableReferences().Concat(base.VariableReferences());

    public override IEnumerable<string> Templates() => Text.Parts.Select(p => p.Text);
}
