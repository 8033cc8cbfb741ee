namespace WeComHelpBot.Dialogs.Flows;

/// <summary>One step of a flow, as read from YAML. <see cref="Line"/> is where it starts, for error messages.</summary>
public sealed record FlowStep
{
    public required string Id { get; init; }

    public required FlowStepKind Kind { get; init; }

    public int Line { get; init; }

    /// <summary>The question of a prompt step.</summary>
    public FlowText? Prompt { get; init; }

    /// <summary>What a message or end step says.</summary>
    public FlowText? Text { get; init; }

    public string? Help { get; init; }

    public string? Retry { get; init; }

    public IReadOnlyList<FlowChoice> Choices { get; init; } = [];

    /// <summary>Confirm labels, e.g. 有 / 还没有 (default 是 / 不是).</summary>
    public string? YesLabel { get; init; }

    public string? NoLabel { get; init; }

    /// <summary>Where the answer (or an action's value) is kept.</summary>
    public string? Var { get; init; }

    public string? Validator { get; init; }

    public int ValidatorLine { get; init; }

    /// <summary>Skip the step when its validator or action is not registered (instead of refusing to start).</summary>
    public bool Optional { get; init; }

    public string? Action { get; init; }

    public int ActionLine { get; init; }

    /// <summary>Arguments of an action (templates).</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    /// <summary>The flow a call step runs.</summary>
    public string? Flow { get; init; }

    /// <summary>Assignments of a set step (templates).</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    /// <summary>Run the step only when this holds.</summary>
    public FlowCondition? When { get; init; }

    public IReadOnlyList<FlowGoto> Goto { get; init; } = [];

    public int? MaxAttempts { get; init; }

    public string? Default { get; init; }

    public bool IsPrompt => FlowPromptKinds.IsPrompt(Kind);

    /// <summary>The variables this step writes.</summary>
    public IEnumerable<string> WrittenVariables()
    {
        if (Var is not null)
        {
            yield return Var;
            if (Kind == FlowStepKind.Date)
            {
                yield return Var + "_date";
                yield return Var + "_days";
            }
        }

        foreach (var name in Set.Keys)
        {
            yield return name;
        }
    }
}
