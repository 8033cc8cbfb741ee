namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Runs a named <see cref="IFlowAction"/> with its arguments; its value is kept in <see cref="Var"/>.</summary>
public sealed record ActionStep : FlowStep
{
    public required string Action { get; init; }

    public int ActionLine { get; init; }

    /// <summary>Arguments of the action (templates).</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    public string? Var { get; init; }

    /// <summary>Skip the step when its action is not registered (instead of refusing to start).</summary>
    public bool Optional { get; init; }

    public override IEnumerable<string> WrittenVariables() => Var is null ? [] : [Var];

    public override IEnumerable<(string Variable, int Line)> VariableReferences() => base.VariableReferences().Concat(TemplateReferences(With.Values));
}
