using System.Text.RegularExpressions;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>What a flow file may contain: the fields of a flow and of each step kind, the kind names, and the id patterns.</summary>
internal static partial class FlowSchema
{
    public static readonly HashSet<string> FlowFields = ["id", "title", "description", "triggers", "variables", "intro", "steps", "summary"];

    public static readonly HashSet<string> CommonStepFields = ["id", "kind", "when", "goto"];

    /// <summary>The fields of the step kinds that do not wait for the user, by kind name.</summary>
    public static readonly Dictionary<string, HashSet<string>> StepFields = new(StringComparer.Ordinal)
    {
        ["message"] = ["text"],
        ["end"] = ["text"],
        ["pause"] = ["text"],
        ["set"] = ["set"],
        ["call"] = ["flow", "with"],
        ["action"] = ["action", "with", "var", "optional"],
    };

    /// <summary>The fields every prompt step has; its kind adds its own (<see cref="FlowPromptKind.OwnFields"/>).</summary>
    public static readonly HashSet<string> PromptFields = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"];

    /// <summary>Every kind name a step may have: the prompt kinds of <see cref="FlowPromptKinds"/> and the others.</summary>
    public static IEnumerable<string> KindNames => ["message", .. FlowPromptKinds.All.Select(k => k.Name), .. StepFields.Keys.Where(k => k != "message")];

    /// <summary>The fields a step of this kind may have (the common ones included), or null for an unknown kind.</summary>
    public static HashSet<string>? FieldsOf(string kind) =>
        FlowPromptKinds.Find(kind) is { } prompt ? [.. CommonStepFields, .. PromptFields, .. prompt.OwnFields]
        : StepFields.TryGetValue(kind, out var fields) ? [.. CommonStepFields, .. fields]
        : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    public static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    public static partial Regex VariablePattern();
}
