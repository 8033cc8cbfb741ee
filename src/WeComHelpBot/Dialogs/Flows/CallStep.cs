namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Runs another flow with <see cref="With"/> as its starting values, then goes on with the next step.</summary>
public sealed record CallStep : FlowStep
{
    /// <summary>The id of the flow called.</summary>
    public required string Flow { get; init; }

    /// <summary>Starting values of the called flow (templates); each is declared in its variables:.</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    public override IEnumerable<(string Variable, int Line)> VariableReferences() => base.VariableReferences().Concat(TemplateReferences(With.Values));
}
