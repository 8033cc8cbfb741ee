namespace WeComHelpBot.Dialogs.Flows;

/// <summary>A message template: one string, or several lines each with an optional condition.</summary>
public sealed record FlowText(IReadOnlyList<FlowTextPart> Parts)
{
    /// <summary>The lines whose conditions hold, with {{variables}} filled in, one per line.</summary>
    public string Render(IReadOnlyDictionary<string, string> values) =>
        string.Join("\n", Parts
            .Where(p => p.When is null || p.When.Evaluate(values))
            .Select(p => FlowTemplate.Render(p.Text, values))
            .Where(t => t.Length > 0)).Trim();

    public IEnumerable<(string Variable, int Line)> VariableReferences() =>
        Parts.SelectMany(p => FlowTemplate.VariablesIn(p.Text).Select(v => (v, p.Line))
            .Concat((p.When?.Variables ?? []).Select(v => (v, p.Line))));
}
