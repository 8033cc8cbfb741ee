namespace WeComHelpBot.Dialogs.Flows;

/// <summary>A guided flow loaded from one YAML file in dialogs/.</summary>
public sealed record FlowDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>One line for menus: what the flow does for the user.</summary>
    public string? Description { get; init; }

    /// <summary>Example phrasings that start the flow.</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>Variables and their starting values.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public FlowText? Intro { get; init; }

    public IReadOnlyList<FlowStep> Steps { get; init; } = [];

    /// <summary>Said when the flow finishes normally (not after an end step).</summary>
    public FlowText? Summary { get; init; }

    public required string File { get; init; }

    public int Line { get; init; }
}
