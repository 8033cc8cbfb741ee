using YamlDotNet.RepresentationModel;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Typed access to the fields of one flow file's YAML nodes. A field of the wrong shape is recorded as "file:line: problem"
/// and read as missing, so reading goes on and every mistake of the file is reported at once.
/// </summary>
internal sealed class FlowYamlReader(string file, List<FlowLoadError> errors)
{
    public string File => file;

    public static int Line(YamlNode? node) => node is null ? 1 : (int)node.Start.Line;

    public static YamlNode? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public void Error(YamlNode? node, string problem) => Error(Line(node), problem);

    public void Error(int line, string problem) => errors.Add(new FlowLoadError(file, line, problem));

    /// <summary>Reports every key of <paramref name="node"/> that is not in <paramref name="allowed"/>.</summary>
    public void CheckFields(YamlMappingNode node, HashSet<string> allowed, string what)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
            {
                Error(key, $"{what}不认识字段 “{name}”（可用：{string.Join(" / ", allowed.Order(StringComparer.Ordinal))}）");
            }
        }
    }

    public string? RequiredString(YamlMappingNode node, string key)
    {
        var value = OptionalString(node, key);
        if (value is null)
        {
            Error(Get(node, key) ?? node, $"缺少 {key}:");
        }

        return value;
    }

    /// <summary>The trimmed text of a scalar field; null when it is missing, blank or not a scalar.</summary>
    public string? OptionalString(YamlMappingNode node, string key)
    {
        var value = Get(node, key);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        Error(value, $"{key}: 应当是文字");
        return null;
    }

    public bool OptionalBool(YamlMappingNode node, string key)
    {
        var text = OptionalString(node, key);
        if (text is null)
        {
            return false;
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        Error(Get(node, key), $"{key}: 应当是 true 或 false");
        return false;
    }

    public List<string> StringList(YamlMappingNode node, string key)
    {
        switch (Get(node, key))
        {
            case null:
                return [];
            case YamlSequenceNode list:
                var items = new List<string>();
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v))
                    {
                        items.Add(v.Trim());
                    }
                    else
                    {
                        Error(item, $"{key}: 列表里应当都是文字");
                    }
                }

                return items;
            case var other:
                Error(other, $"{key}: 应当是列表");
                return [];
        }
    }

    /// <summary>A "name: value" mapping; with <paramref name="checkNames"/> every name must be a valid variable name.</summary>
    public Dictionary<string, string> StringMap(YamlMappingNode node, string key, bool checkNames)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(node, key) is not { } raw)
        {
            return map;
        }

        if (raw is not YamlMappingNode mapping)
        {
            Error(raw, $"{key}: 应当是映射（名字: 值）");
            return map;
        }

        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (checkNames && !FlowSchema.VariablePattern().IsMatch(name))
            {
                Error(k, $"变量名 “{name}” 只能用英文字母、数字和下划线");
                continue;
            }

            if (v is not YamlScalarNode scalar)
            {
                Error(v, $"“{name}” 的值应当是文字");
                continue;
            }

            map[name] = scalar.Value ?? string.Empty;
        }

        return map;
    }

    public string? VariableName(YamlMappingNode node, string key)
    {
        var name = OptionalString(node, key);
        if (name is not null && !FlowSchema.VariablePattern().IsMatch(name))
        {
            Error(Get(node, key), $"变量名 “{name}” 只能用英文字母、数字和下划线");
            return null;
        }

        return name;
    }
}
