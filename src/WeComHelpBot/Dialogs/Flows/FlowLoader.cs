namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Reads dialogs/*.yaml into <see cref="FlowDefinition"/>s and checks everything that can be checked without the
/// running bot: fields, step kinds, prompts and choices, goto targets, called flows, variables, duplicate ids and
/// malformed YAML. Every problem is reported as "file:line: problem"; one problem is enough to refuse to start.
/// Each file is read by <see cref="FlowFileReader"/>; what flows refer to is checked by <see cref="FlowReferenceChecker"/>.
/// </summary>
public static class FlowLoader
{
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
            var flow = new FlowFileReader(file, errors).ReadFile(text);
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
            FlowReferenceChecker.Check(flow, seen, errors);
        }

        return (flows, errors);
    }

    /// <summary>Checks named validators and actions against what the running bot has registered.</summary>
    public static IReadOnlyList<FlowLoadError> CheckNames(IEnumerable<FlowDefinition> flows, ISet<string> validators, ISet<string> actions)
    {
        var errors = new List<FlowLoadError>();
        foreach (var flow in flows)
        {
            foreach (var step in flow.Steps)
            {
                var (validator, validatorLine, action, actionLine, optional) = step switch
                {
                    PromptStep p => (p.Validator, p.ValidatorLine, p.Action, p.ActionLine, p.Optional),
                    ActionStep act => (null, 0, act.Action, act.ActionLine, act.Optional),
                    _ => (null, 0, null, 0, true),
                };
                if (optional)
                {
                    continue;
                }

                if (validator is { } v && !validators.Contains(v))
                {
                    errors.Add(new FlowLoadError(flow.File, validatorLine, $"未注册的校验器 “{v}”（已注册：{Known(validators)}）；如果它以后才注册，给这一步加 optional: true"));
                }

                if (action is { } a && !actions.Contains(a))
                {
                    errors.Add(new FlowLoadError(flow.File, actionLine, $"未注册的动作 “{a}”（已注册：{Known(actions)}）；如果它以后才注册，给这一步加 optional: true"));
                }
            }
        }

        return errors;
    }

    private static string Known(ISet<string> names) => names.Count == 0 ? "无" : string.Join("、", names.Order(StringComparer.Ordinal));
}
