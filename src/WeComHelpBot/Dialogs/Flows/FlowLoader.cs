using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Reads dialogs/*.yaml into <see cref="FlowDefinition"/>s and checks everything that can be checked without the
/// running bot: fields, step kinds, prompts and choices, goto targets, called flows, variables, duplicate ids and
/// malformed YAML. Every problem is reported as "file:line: problem"; one problem is enough to refuse to start.
/// </summary>
public static partial class FlowLoader
{
    private static readonly HashSet<string> FlowFields = ["id", "title", "description", "triggers", "variables", "intro", "steps", "summary"];

    private static readonly HashSet<string> CommonStepFields = ["id", "kind", "when", "goto"];

    private static readonly Dictionary<FlowStepKind, HashSet<string>> StepFields = new()
    {
        [FlowStepKind.Message] = ["text"],
        [FlowStepKind.End] = ["text"],
        [FlowStepKind.Text] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Choice] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "choices", "action", "with"],
        [FlowStepKind.Confirm] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "yes", "no", "action", "with"],
        [FlowStepKind.Number] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Phone] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Date] = ["prompt", "help", "retry", "var", "validator", "optional", "max-attempts", "default", "action", "with"],
        [FlowStepKind.Set] = ["set"],
        [FlowStepKind.Call] = ["flow", "with"],
        [FlowStepKind.Action] = ["action", "with", "var", "optional"],
    };

    private static readonly Dictionary<string, FlowStepKind> Kinds = new(StringComparer.Ordinal)
    {
        ["message"] = FlowStepKind.Message, ["text"] = FlowStepKind.Text, ["choice"] = FlowStepKind.Choice,
        ["confirm"] = FlowStepKind.Confirm, ["number"] = FlowStepKind.Number, ["phone"] = FlowStepKind.Phone,
        ["date"] = FlowStepKind.Date, ["set"] = FlowStepKind.Set, ["call"] = FlowStepKind.Call,
        ["action"] = FlowStepKind.Action, ["end"] = FlowStepKind.End,
    };

    /// <summary>Loads every *.yaml / *.yml file of <paramref name="directory"/>; throws <see cref="FlowLoadException"/> on any problem.</summary>
    public static IReadOnlyList<FlowDefinition> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        return LoadOrThrow(files);
    }

    public static IReadOnlyList<FlowDefinition> LoadOrThrow(IEnumerable<(string File, string Text)> files)
    {
        var (flows, errors) = Load(files);
        return errors.Count > 0 ? throw new FlowLoadException(errors) : flows;
    }

    /// <summary>Parses and checks the files; returns the flows that parsed and every problem found.</summary>
    public static (IReadOnlyList<FlowDefinition> Flows, IReadOnlyList<FlowLoadError> Errors) Load(IEnumerable<(string File, string Text)> files)
    {
        var errors = new List<FlowLoadError>();
        var flows = new List<FlowDefinition>();
        foreach (var (file, text) in files)
        {
            var reader = new Reader(file, errors);
            var flow = reader.ReadFile(text);
            if (flow is not null)
            {
                flows.Add(flow);
            }
        }

        var seen = new Dictionary<string, FlowDefinition>(StringComparer.Ordinal);
        foreach (var flow in flows)
        {
            if (!seen.TryAdd(flow.Id, flow))
            {
                var first = seen[flow.Id];
                errors.Add(new FlowLoadError(flow.File, flow.Line, $"流程 id “{flow.Id}” 重复：{first.File}:{first.Line} 已经用过"));
            }
        }

        foreach (var flow in flows)
        {
            CheckFlow(flow, seen, errors);
        }

        return (flows, errors);
    }

    /// <summary>Checks named validators and actions against what the running bot has registered.</summary>
    public static IReadOnlyList<FlowLoadError> CheckNames(IEnumerable<FlowDefinition> flows, ISet<string> validators, ISet<string> actions)
    {
        var errors = new List<FlowLoadError>();
        foreach (var flow in flows)
        {
            foreach (var step in flow.Steps.Where(s => !s.Optional))
            {
                if (step.Validator is { } v && !validators.Contains(v))
                {
                    errors.Add(new FlowLoadError(flow.File, step.ValidatorLine, $"未注册的校验器 “{v}”（已注册：{Known(validators)}）；如果它以后才注册，给这一步加 optional: true"));
                }

                if (step.Action is { } a && !actions.Contains(a))
                {
                    errors.Add(new FlowLoadError(flow.File, step.ActionLine, $"未注册的动作 “{a}”（已注册：{Known(actions)}）；如果它以后才注册，给这一步加 optional: true"));
                }
            }
        }

        return errors;
    }

    private static string Known(ISet<string> names) => names.Count == 0 ? "无" : string.Join("、", names.Order(StringComparer.Ordinal));

    private static void CheckFlow(FlowDefinition flow, Dictionary<string, FlowDefinition> all, List<FlowLoadError> errors)
    {
        void Error(int line, string problem) => errors.Add(new FlowLoadError(flow.File, line, problem));

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in flow.Steps)
        {
            if (!stepIds.Add(step.Id))
            {
                Error(step.Line, $"步骤 id “{step.Id}” 在本流程中重复");
            }
        }

        var defined = new HashSet<string>(flow.Variables.Keys, StringComparer.Ordinal);
        defined.UnionWith(flow.Steps.SelectMany(s => s.WrittenVariables()));
        void CheckReferences(IEnumerable<(string Variable, int Line)> references)
        {
            foreach (var (variable, line) in references)
            {
                if (!defined.Contains(variable))
                {
                    Error(line, $"未定义的变量 “{variable}”（在 variables: 里声明，或由某一步的 var:/set: 写入）");
                }
            }
        }

        CheckReferences(flow.Intro?.VariableReferences() ?? []);
        CheckReferences(flow.Summary?.VariableReferences() ?? []);
        foreach (var step in flow.Steps)
        {
            CheckReferences(step.Prompt?.VariableReferences() ?? []);
            CheckReferences(step.Text?.VariableReferences() ?? []);
            CheckReferences((step.When?.Variables ?? []).Select(v => (v, step.Line)));
            CheckReferences(step.Goto.SelectMany(g => (g.When?.Variables ?? []).Select(v => (v, g.Line))));
            CheckReferences(step.Set.Values.Concat(step.With.Values).Concat([step.Help ?? string.Empty, step.Retry ?? string.Empty])
                .SelectMany(FlowTemplate.VariablesIn).Select(v => (v, step.Line)));

            foreach (var jump in step.Goto)
            {
                if (jump.Target != FlowGoto.End && !stepIds.Contains(jump.Target))
                {
                    Error(jump.Line, $"goto 的目标步骤 “{jump.Target}” 不存在");
                }
            }

            foreach (var choice in step.Choices.Where(c => c.Goto is not null))
            {
                if (choice.Goto != FlowGoto.End && !stepIds.Contains(choice.Goto!))
                {
                    Error(choice.Line, $"选项 “{choice.Value}” 的 goto 目标步骤 “{choice.Goto}” 不存在");
                }
            }

            if (step.Kind == FlowStepKind.Call && step.Flow is { } called && !all.ContainsKey(called))
            {
                Error(step.Line, $"调用的流程 “{called}” 不存在");
            }
            else if (step.Kind == FlowStepKind.Call && step.Flow is { } target)
            {
                foreach (var name in step.With.Keys.Where(k => !all[target].Variables.ContainsKey(k)))
                {
                    Error(step.Line, $"with: 里的 “{name}” 不是流程 “{target}” 在 variables: 里声明的变量");
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariablePattern();

    /// <summary>Reads one file; records problems instead of throwing so every mistake is reported at once.</summary>
    private sealed class Reader(string file, List<FlowLoadError> errors)
    {
        private void Error(YamlNode? node, string problem) => Error(Line(node), problem);

        private void Error(int line, string problem) => errors.Add(new FlowLoadError(file, line, problem));

        private static int Line(YamlNode? node) => node is null ? 1 : (int)node.Start.Line;

        public FlowDefinition? ReadFile(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                Error((int)e.Start.Line, $"YAML 格式错误：{e.Message}");
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Error(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "文件应当是一个流程（以 id: / title: / steps: 开头的映射）");
                return null;
            }

            CheckFields(root, FlowFields, "流程");
            var id = RequiredString(root, "id");
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Error(Get(root, "id"), $"流程 id “{id}” 只能用小写字母、数字和连字符");
            }

            var title = RequiredString(root, "title");
            var steps = ReadSteps(root);
            if (id is null || title is null)
            {
                return null;
            }

            return new FlowDefinition
            {
                Id = id,
                Title = title,
                Description = OptionalString(root, "description"),
                Triggers = StringList(root, "triggers"),
                Variables = ReadVariables(root),
                Intro = OptionalText(root, "intro"),
                Steps = steps,
                Summary = OptionalText(root, "summary"),
                File = file,
                Line = Line(root),
            };
        }

        private List<FlowStep> ReadSteps(YamlMappingNode root)
        {
            var node = Get(root, "steps");
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Error(node ?? root, "流程需要 steps: 列表，至少一步");
                return [];
            }

            var steps = new List<FlowStep>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (sequence.Children[i] is not YamlMappingNode stepNode)
                {
                    Error(sequence.Children[i], "每一步应当是一个映射（id: / kind: …）");
                    continue;
                }

                var step = ReadStep(stepNode, i);
                if (step is not null)
                {
                    steps.Add(step);
                }
            }

            return steps;
        }

        private FlowStep? ReadStep(YamlMappingNode node, int index)
        {
            var id = OptionalString(node, "id") ?? $"step-{index + 1}";
            var kindText = OptionalString(node, "kind")
                ?? (Get(node, "action") is not null ? "action" : Get(node, "flow") is not null ? "call" : null);
            if (kindText is null)
            {
                Error(node, $"步骤 “{id}” 缺少 kind:（可选：{string.Join(" / ", Kinds.Keys)}）");
                return null;
            }

            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                Error(Get(node, "kind"), $"未知的步骤类型 “{kindText}”（可选：{string.Join(" / ", Kinds.Keys)}）");
                return null;
            }

            CheckFields(node, [.. CommonStepFields, .. StepFields[kind]], $"{kindText} 步骤");

            var step = new FlowStep
            {
                Id = id,
                Kind = kind,
                Line = Line(node),
                Prompt = OptionalText(node, "prompt"),
                Text = OptionalText(node, "text"),
                Help = OptionalString(node, "help"),
                Retry = OptionalString(node, "retry"),
                Choices = ReadChoices(node),
                YesLabel = OptionalString(node, "yes"),
                NoLabel = OptionalString(node, "no"),
                Var = ReadVariableName(node, "var"),
                Validator = OptionalString(node, "validator"),
                ValidatorLine = Line(Get(node, "validator")),
                Optional = OptionalBool(node, "optional"),
                Action = OptionalString(node, "action"),
                ActionLine = Line(Get(node, "action")),
                With = ReadStringMap(node, "with", checkNames: false),
                Flow = OptionalString(node, "flow"),
                Set = ReadStringMap(node, "set", checkNames: true),
                When = ReadCondition(Get(node, "when")),
                Goto = ReadGoto(node),
                MaxAttempts = ReadMaxAttempts(node),
                Default = OptionalString(node, "default"),
            };

            CheckStep(step, node);
            return step;
        }

        private void CheckStep(FlowStep step, YamlMappingNode node)
        {
            if (step.IsPrompt && step.Prompt is null)
            {
                Error(node, $"步骤 “{step.Id}” 是 {KindName(step.Kind)}，需要 prompt:（问用户的话）");
            }

            if (step.Kind is FlowStepKind.Message && step.Text is null)
            {
                Error(node, $"步骤 “{step.Id}” 是 message，需要 text:");
            }

            if (step.Kind == FlowStepKind.Choice && step.Choices.Count < 2)
            {
                Error(Get(node, "choices") ?? node, $"步骤 “{step.Id}” 是 choice，需要 choices: 至少两个选项");
            }

            if (step.Kind == FlowStepKind.Choice && step.Choices.Select(c => c.Value).Distinct().Count() != step.Choices.Count)
            {
                Error(Get(node, "choices"), $"步骤 “{step.Id}” 的选项有重复");
            }

            if (step.Kind == FlowStepKind.Set && step.Set.Count == 0)
            {
                Error(node, $"步骤 “{step.Id}” 是 set，需要 set: 映射（变量: 值）");
            }

            if (step.Kind == FlowStepKind.Call && string.IsNullOrWhiteSpace(step.Flow))
            {
                Error(node, $"步骤 “{step.Id}” 是 call，需要 flow:（被调用流程的 id）");
            }

            if (step.Kind == FlowStepKind.Action && string.IsNullOrWhiteSpace(step.Action))
            {
                Error(node, $"步骤 “{step.Id}” 是 action，需要 action:（动作名）");
            }

            if ((step.YesLabel is null) != (step.NoLabel is null))
            {
                Error(node, $"步骤 “{step.Id}” 的 yes: 和 no: 要一起写");
            }

            if (step.Default is { } fallback)
            {
                var ok = step.Kind switch
                {
                    FlowStepKind.Choice => step.Choices.Any(c => c.Value == fallback),
                    FlowStepKind.Confirm => fallback is "是" or "否" || fallback == step.YesLabel || fallback == step.NoLabel,
                    FlowStepKind.Number => decimal.TryParse(fallback, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                    _ => true,
                };
                if (!ok)
                {
                    Error(Get(node, "default"), $"步骤 “{step.Id}” 的 default “{fallback}” 不是这一步能接受的答案");
                }
            }

            foreach (var text in new[] { step.Help, step.Retry }.Concat(step.Prompt?.Parts.Select(p => p.Text) ?? []).Concat(step.Text?.Parts.Select(p => p.Text) ?? []))
            {
                if (text is not null && FlowTemplate.HasMalformedPlaceholder(text))
                {
                    Error(node, $"步骤 “{step.Id}” 里有写错的占位符（应为 {{{{变量名}}}}，变量名用英文）");
                }
            }
        }

        private static string KindName(FlowStepKind kind) => kind.ToString().ToLowerInvariant();

        private List<FlowChoice> ReadChoices(YamlMappingNode node)
        {
            var choices = new List<FlowChoice>();
            if (Get(node, "choices") is not { } raw)
            {
                return choices;
            }

            if (raw is not YamlSequenceNode list)
            {
                Error(raw, "choices: 应当是列表");
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
                        CheckFields(map, ["value", "synonyms", "goto"], "选项");
                        var value = RequiredString(map, "value");
                        if (value is not null)
                        {
                            choices.Add(new FlowChoice(value, StringList(map, "synonyms"), OptionalString(map, "goto"), Line(item)));
                        }

                        break;
                    default:
                        Error(item, "选项应当是文字，或 value: / synonyms: / goto: 映射");
                        break;
                }
            }

            return choices;
        }

        private List<FlowGoto> ReadGoto(YamlMappingNode node)
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
                            Error(item, "goto: 列表里每一项应当是 when: / to: 映射");
                            continue;
                        }

                        CheckFields(map, ["when", "to"], "goto 项");
                        var target = RequiredString(map, "to");
                        if (target is not null)
                        {
                            jumps.Add(new FlowGoto(ReadCondition(Get(map, "when")), target, Line(item)));
                        }
                    }

                    return jumps;
                default:
                    Error(raw, "goto: 应当是步骤 id，或 when: / to: 列表");
                    return [];
            }
        }

        private FlowCondition? ReadCondition(YamlNode? node)
        {
            if (node is null)
            {
                return null;
            }

            if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                Error(node, "when: 应当是一个条件，比如 entity == 个体工商户");
                return null;
            }

            var condition = FlowCondition.TryParse(text, out var problem);
            if (condition is null)
            {
                Error(node, $"条件写错了：{problem}");
            }

            return condition;
        }

        private int? ReadMaxAttempts(YamlMappingNode node)
        {
            var text = OptionalString(node, "max-attempts");
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10)
            {
                return n;
            }

            Error(Get(node, "max-attempts"), "max-attempts: 应当是 1 到 10 的整数");
            return null;
        }

        private Dictionary<string, string> ReadVariables(YamlMappingNode root) => ReadStringMap(root, "variables", checkNames: true);

        private Dictionary<string, string> ReadStringMap(YamlMappingNode node, string key, bool checkNames)
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
                if (checkNames && !VariablePattern().IsMatch(name))
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

        private string? ReadVariableName(YamlMappingNode node, string key)
        {
            var name = OptionalString(node, key);
            if (name is not null && !VariablePattern().IsMatch(name))
            {
                Error(Get(node, key), $"变量名 “{name}” 只能用英文字母、数字和下划线");
                return null;
            }

            return name;
        }

        private FlowText? OptionalText(YamlMappingNode node, string key)
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
                            CheckFields(map, ["text", "when"], $"{key} 的一行");
                            var text = RequiredString(map, "text");
                            if (text is not null)
                            {
                                parts.Add(new FlowTextPart(text.TrimEnd(), ReadCondition(Get(map, "when")), Line(item)));
                            }
                        }
                        else
                        {
                            Error(item, $"{key}: 列表里每一行应当是文字，或 text: / when: 映射");
                        }
                    }

                    return parts.Count > 0 ? new FlowText(parts) : null;
                case var other:
                    Error(other, $"{key}: 应当是文字，或一行一项的列表");
                    return null;
            }
        }

        private void CheckFields(YamlMappingNode node, HashSet<string> allowed, string what)
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

        private static YamlNode? Get(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private string? RequiredString(YamlMappingNode node, string key)
        {
            var value = OptionalString(node, key);
            if (value is null)
            {
                Error(Get(node, key) ?? node, $"缺少 {key}:");
            }

            return value;
        }

        private string? OptionalString(YamlMappingNode node, string key)
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

        private bool OptionalBool(YamlMappingNode node, string key)
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

        private List<string> StringList(YamlMappingNode node, string key)
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
    }
}
