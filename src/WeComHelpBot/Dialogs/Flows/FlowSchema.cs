using System.Text.RegularExpressions;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>What a flow file may contain: the fields of a flow and of each step kind, the kind names, and the id patterns.</summary>
internal static partial class FlowSchema
{
    public static readonly HashSet<string> FlowFields = ["id", "title", "description", "triggers", "variables", "intro", "steps", "summary"];

    public static readonly HashSet<string> CommonStepFields = ["id", "kind", "when", "goto"];

    public static readonly Dictionary<FlowStepKind, HashSet<string>> StepFields = new()
    {
        [FlowStepKind.Message] = ["text"],
        [FlowStepKind.End] = ["text"],
        [FlowStepKind.Text] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Choice] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "choices", "action", "with"],
        [FlowStepKind.Confirm] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "yes", "no", "action", "with"],
        [FlowStepKind.Number] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Phone] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Date] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Company] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Pause] = ["text"],
        [FlowStepKind.Set] = ["set"],
        [FlowStepKind.Call] = ["flow", "with"],
        [FlowStepKind.Action] = ["action", "with", "var", "optional"],
    };

    public static readonly Dictionary<string, FlowStepKind> Kinds = new(StringComparer.Ordinal)
    {
        ["message"] = FlowStepKind.Message, ["text"] = FlowStepKind.Text, ["choice"] = FlowStepKind.Choice,
        ["confirm"] = FlowStepKind.Confirm, ["number"] = FlowStepKind.Number, ["phone"] = FlowStepKind.Phone,
        ["date"] = FlowStepKind.Date, ["set"] = FlowStepKind.Set, ["call"] = FlowStepKind.Call,
        ["action"] = FlowStepKind.Action, ["end"] = FlowStepKind.End, ["company"] = FlowStepKind.Company, ["pause"] = FlowStepKind.Pause,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    public static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    public static partial Regex VariablePattern();
}
