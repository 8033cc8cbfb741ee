namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// One step of a flow, as read from YAML: one sealed record per kind (<see cref="MessageStep"/>, <see cref="PromptStep"/>,
/// <see cref="SetStep"/>, <see cref="CallStep"/>, <see cref="ActionStep"/>, <see cref="EndStep"/>, <see cref="PauseStep"/>),
/// so a step carries only the fields its kind has. <see cref="Line"/> is where it starts, for error messages.
/// </summary>
public abstract record FlowStep
{
    public required string Id { get; init; }

    public int Line { get; init; }

    /// <summary>Run the step only when this holds.</summary>
    public FlowCondition? When { get; init; }

    public IReadOnlyList<FlowGoto> Goto { get; init; } = [];

    /// <summary>The variables this step writes.</summary>
    public virtual IEnumerable<string> WrittenVariables() => [];

    /// <summary>Every variable the step reads (in texts, conditions and templates), with the line that reads it.</summary>
    public virtual IEnumerable<(string Variable, int Line)> VariableReferences() =>
        (When?.Variables ?? []).Select(v => (v, Line))
            .Concat(Goto.SelectMany(g => (g.When?.Variables ?? []).Select(v => (v, g.Line))));

    /// <summary>The texts a user reads from this step, for the placeholder check.</summary>
    public virtual IEnumerable<string> Templates() => [];

    protected IEnumerable<(string Variable, int Line)> TemplateReferences(IEnumerable<string?> templates) =>
        templates.OfType<string>().SelectMany(FlowTemplate.VariablesIn).Select(v => (v, Line));
}
