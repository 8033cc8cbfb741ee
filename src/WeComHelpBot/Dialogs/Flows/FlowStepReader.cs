using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Dialogs.Flows.FlowYamlReader;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Reads one step into the record of its kind. A field that does not belong to the kind is refused with its line, and
/// is not read; a prompt kind reads its own fields itself (<see cref="FlowPromptKind.ReadOwnFields"/>).
/// </summary>
internal sealed class FlowStepReader(FlowYamlReader yaml, FlowPartReader parts, FlowStepChecker checker)
{
    public FlowStep? Read(YamlMappingNode node, int index)
    {
        var id = yaml.OptionalString(node, "id") ?? $"step-{index + 1}";
        var kind = yaml.OptionalString(node, "kind")
            ?? (Get(node, "action") is not null ? "action" : Get(node, "flow") is not null ? "call" : null);
        if (kind is null)
        {
            yaml.Error(node, $"步骤 “{id}” 缺少 kind:（可选：{string.Join(" / ", FlowSchema.KindNames)}）");
            return null;
        }

        if (FlowSchema.FieldsOf(kind) is not { } fields)
        {
            yaml.Error(Get(node, "kind"), $"未知的步骤类型 “{kind}”（可选：{string.Join(" / ", FlowSchema.KindNames)}）");
            return null;
        }

        yaml.CheckFields(node, fields, $"{kind} 步骤");

        // Problems are recorded in field order: keep this order so a file's messages read top to bottom.
        FlowStep step = FlowPromptKinds.Find(kind) is { } promptKind
            ? ReadPrompt(node, id, promptKind)
            : kind switch
            {
                "message" => new MessageStep { Id = id, Text = Text(node, id, kind) },
                "pause" => new PauseStep { Id = id, Text = Text(node, id, kind) },
                "end" => new EndStep { Id = id, Text = parts.OptionalText(node, "text") },
                "set" => ReadSet(node, id),
                "call" => ReadCall(node, id),
                _ => ReadAction(node, id),
            };
        step = step with
        {
            Line = Line(node),
            When = parts.Condition(Get(node, "when")),
            Goto = parts.Goto(node),
        };
        if (step is PromptStep prompt)
        {
            step = prompt with { MaxAttempts = parts.MaxAttempts(node), Default = yaml.OptionalString(node, "default") };
        }

        checker.Check(step, node);
        return step;
    }

    private PromptStep ReadPrompt(YamlMappingNode node, string id, FlowPromptKind kind)
    {
        var prompt = parts.OptionalText(node, "prompt");
        if (prompt is null)
        {
            yaml.Error(node, $"步骤 “{id}” 是 {kind.Name}，需要 prompt:（问用户的话）");
        }

        var step = new PromptStep
        {
            Id = id,
            Kind = kind,
            Prompt = prompt ?? new FlowText([]),
            Help = yaml.OptionalString(node, "help"),
            Retry = yaml.OptionalString(node, "retry"),
        };
        step = kind.ReadOwnFields(step, node, yaml, parts);
        return step with
        {
            Var = yaml.VariableName(node, "var"),
            Validator = yaml.OptionalString(node, "validator"),
            ValidatorLine = Line(Get(node, "validator")),
            Optional = yaml.OptionalBool(node, "optional"),
            Action = yaml.OptionalString(node, "action"),
            ActionLine = Line(Get(node, "action")),
            With = yaml.StringMap(node, "with", checkNames: false),
        };
    }

    private FlowText Text(YamlMappingNode node, string id, string kind)
    {
        var text = parts.OptionalText(node, "text");
        if (text is null)
        {
            yaml.Error(node, $"步骤 “{id}” 是 {kind}，需要 text:");
        }

        return text ?? new FlowText([]);
    }

    private SetStep ReadSet(YamlMappingNode node, string id)
    {
        var set = yaml.StringMap(node, "set", checkNames: true);
        if (set.Count == 0)
        {
            yaml.Error(node, $"步骤 “{id}” 是 set，需要 set: 映射（变量: 值）");
        }

        return new SetStep { Id = id, Set = set };
    }

    private CallStep ReadCall(YamlMappingNode node, string id)
    {
        var with = yaml.StringMap(node, "with", checkNames: false);
        var flow = yaml.OptionalString(node, "flow");
        if (flow is null)
        {
            yaml.Error(node, $"步骤 “{id}” 是 call，需要 flow:（被调用流程的 id）");
        }

        return new CallStep { Id = id, Flow = flow ?? string.Empty, With = with };
    }

    private ActionStep ReadAction(YamlMappingNode node, string id)
    {
        var var = yaml.VariableName(node, "var");
        var optional = yaml.OptionalBool(node, "optional");
        var action = yaml.OptionalString(node, "action");
        var step = new ActionStep
        {
            Id = id,
            Action = action ?? string.Empty,
            ActionLine = Line(Get(node, "action")),
            With = yaml.StringMap(node, "with", checkNames: false),
            Var = var,
            Optional = optional,
        };
        if (action is null)
        {
            yaml.Error(node, $"步骤 “{id}” 是 action，需要 action:（动作名）");
        }

        return step;
    }
}
