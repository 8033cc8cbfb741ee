namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Asks the user and waits: <see cref="Kind"/> (text, choice, confirm, number, phone, date, company) makes the prompt
/// dialog, reads the answer and writes it. <see cref="Choices"/> belong to choice steps, <see cref="YesLabel"/> /
/// <see cref="NoLabel"/> to confirm steps; the reader refuses them on any other kind.
/// </summary>
public sealed record PromptStep : FlowStep
{
    public required FlowPromptKind Kind { get; init; }

    /// <summary>The question.</summary>
    public required FlowText Prompt { get; init; }

    public string? Help { get; init; }

    public string? Retry { get; init; }

    /// <summary>Where the answer is kept.</summary>
    public string? Var { get; init; }

    public string? Validator { get; init; }

    public int ValidatorLine { get; init; }

    /// <summary>Skip the step when its validator or action is not registered (instead of refusing to start).</summary>
    public bool Optional { get; init; }

    /// <summary>An action run as soon as the answer arrives, with the answer as recognized.</summary>
    public string? Action { get; init; }

    public int ActionLine { get; init; }

    /// <summary>Arguments of the action (templates).</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    public int? MaxAttempts { get; init; }

    /// <summary>Taken instead of ending the flow when the attempts run out.</summary>
    public string? Default { get; init; }

    /// <summary>The options of a choice step.</summary>
    public IReadOnlyList<FlowChoice> Choices { get; init; } = [];

    /// <summary>Confirm labels, e.g. 有 / 还没有 (default 是 / 不是).</summary>
    public string? YesLabel { get; init; }

    public string? NoLabel { get; init; }

    public override IEnumerable<string> WrittenVariables() => Var is null ? [] : Kind.WrittenVariables(Var);

    public override IEnumerable<(string Variable, int Line)> VariableReferences() =>
        Prompt.VariableReferences().Concat(base.VariableReferences()).Concat(TemplateReferences([.. With.Values, Help ?? string.Empty, Retry ?? string.Empty]));

    public override IEnumerable<string> Templates() => new[] { Help, Retry }.OfType<string>().Concat(Prompt.Parts.Select(p => p.Text));
}
