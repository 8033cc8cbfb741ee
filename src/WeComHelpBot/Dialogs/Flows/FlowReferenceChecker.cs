namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Checks what one flow refers to once every file is read: duplicate step ids, variables used but never written,
/// goto targets, and called flows with the variables passed to them.
/// </summary>
internal static class FlowReferenceChecker
{
    public static void Check(FlowDefinition flow, Dictionary<string, FlowDefinition> all, List<FlowLoadError> errors)
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
            CheckReferences(step.VariableReferences());

            foreach (var jump in step.Goto)
            {
                if (jump.Target != FlowGoto.End && !stepIds.Contains(jump.Target))
                {
                    Error(jump.Line, $"goto 的目标步骤 “{jump.Target}” 不存在");
                }
            }

            foreach (var choice in (step as PromptStep)?.Choices.Where(c => c.Goto is not null) ?? [])
            {
                if (choice.Goto != FlowGoto.End && !stepIds.Contains(choice.Goto!))
                {
                    Error(choice.Line, $"选项 “{choice.Value}” 的 goto 目标步骤 “{choice.Goto}” 不存在");
                }
            }

            if (step is CallStep { Flow: { Length: > 0 } called } call)
            {
                if (!all.TryGetValue(called, out var target))
                {
                    Error(step.Line, $"调用的流程 “{called}” 不存在");
                    continue;
                }

                foreach (var name in call.With.Keys.Where(k => !target.Variables.ContainsKey(k)))
                {
                    Error(step.Line, $"with: 里的 “{name}” 不是流程 “{called}” 在 variables: 里声明的变量");
                }
            }
        }
    }
}
