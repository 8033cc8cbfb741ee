namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Sets variables (each value a template) and goes on.</summary>
public sealed record SetStep : FlowStep
{
    public required IReadOnlyDictionary<string, string> Set { get; init; }

    public override IEnumerable<string> WrittenVariables() => Set.Keys;

    public override IEnumerable<(string Variable, int Line)> VariableReferences() => base.VariableReferences().Concat(TemplateReferences(Set.Values));
}
