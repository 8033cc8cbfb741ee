using System.Globalization;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Dialogs.Flows.FlowYamlReader;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Reads the parts of a flow that have a small grammar of their own: texts, choices, goto jumps, conditions and attempt limits.</summary>
internal sealed class FlowPartReader(FlowYamlReader yaml)
{
    /// <summary>A text written as one string, or as a list of lines that may each carry a when: condition.</summary>
    public FlowText? OptionalText(YamlMappingNode node, string key)
    {
        switch (Get(node, key))
        {
            case null:
                return null;
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return new FlowText([new FlowTextPart(scalar.Value!.Trim(), null, Line(scalar))]);
            case YamlSequenceNode list:
                var parts = new List<FlowTextPart>();
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode line && !string.IsNullOrWhiteSpace(line.Value))
                    {
                        parts.Add(new FlowTextPart(line.Value!.TrimEnd(), null, Line(item)));
                    }
                    else if (item is YamlMappingNode map)
                    {
                        yaml.CheckFields(map, ["text", "when"], $"{key} 的一行");
                        var text = yaml.RequiredString(map, "text");
                        if (text is not null)
                        {
                            parts.Add(new FlowTextPart(text.TrimEnd(), Condition(Get(map, "when")), Line(item)));
                        }
                    }
                    else
                    {
                        yaml.Error(item, $"{key}: 列表里每一行应当是文字，或 text: / when: 映射");
                    }
                }

                return parts.Count > 0 ? new FlowText(parts) : null;
            case var other:
                yaml.Error(other, $"{key}: 应当是文字，或一行一项的列表");
                return null;
        }
    }

    public List<FlowChoice> Choices(YamlMappingNode node)
    {
        var choices = new List<FlowChoice>();
        if (Get(node, "choices") is not { } raw)
        {
            return choices;
        }

        if (raw is not YamlSequenceNode list)
        {
            yaml.Error(raw, "choices: 应当是列表");
            return choices;
        }

        foreach (var item in list.Children)
        {
            switch (item)
            {
                case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                    choices.Add(new FlowChoice(scalar.Value!.Trim(), [], null, Line(item)));
                    break;
                case YamlMappingNode map:
                    yaml.CheckFields(map, ["value", "synonyms", "goto", "description"], "选项");
                    var value = yaml.RequiredString(map, "value");
                    if (value is not null)
                    {
                        choices.Add(new FlowChoice(value, yaml.StringList(map, "synonyms"), yaml.OptionalString(map, "goto"), Line(item), yaml.OptionalString(map, "description")));
                    }

                    break;
                default:
                    yaml.Error(item, "选项应当是文字，或 value: / synonyms: / goto: / description: 映射");
                    break;
            }
        }

        return choices;
    }

    /// <summary>goto: as one step id, or as a list of when: / to: jumps.</summary>
    public List<FlowGoto> Goto(YamlMappingNode node)
    {
        var raw = Get(node, "goto");
        switch (raw)
        {
            case null:
                return [];
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [new FlowGoto(null, scalar.Value!.Trim(), Line(raw))];
            case YamlSequenceNode list:
                var jumps = new List<FlowGoto>();
                foreach (var item in list.Children)
                {
                    if (item is not YamlMappingNode map)
                    {
                        yaml.Error(item, "goto: 列表里每一项应当是 when: / to: 映射");
                        continue;
                    }

                    yaml.CheckFields(map, ["when", "to"], "goto 项");
                    var target = yaml.RequiredString(map, "to");
                    if (target is not null)
                    {
                        jumps.Add(new FlowGoto(Condition(Get(map, "when")), target, Line(item)));
                    }
                }

                return jumps;
            default:
                yaml.Error(raw, "goto: 应当是步骤 id，或 when: / to: 列表");
                return [];
        }
    }

    public FlowCondition? Condition(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            yaml.Error(node, "when: 应当是一个条件，比如 entity == 个体工商户");
            return null;
        }

        var condition = FlowCondition.TryParse(text, out var problem);
        if (condition is null)
        {
            yaml.Error(node, $"条件写错了：{problem}");
        }

        return condition;
    }

    public int? MaxAttempts(YamlMappingNode node)
    {
        var text = yaml.OptionalString(node, "max-attempts");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10)
        {
            return n;
        }

        yaml.Error(Get(node, "max-attempts"), "max-attempts: 应当是 1 到 10 的整数");
        return null;
    }
}
