using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Dialogs.Flows.FlowYamlReader;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Checks one step once read: its kind's own fields, its default answer, and its placeholders.</summary>
internal sealed class FlowStepChecker(FlowYamlReader yaml)
{
    public void Check(FlowStep step, YamlMappingNode node)
    {
        if (step is PromptStep prompt)
        {
            prompt.Kind.CheckOwnFields(prompt, node, yaml);
            if (prompt.Default is { } fallback && !prompt.Kind.AcceptsDefault(prompt, fallback))
            {
                yaml.Error(Get(node, "default"), $"步骤 “{step.Id}” 的 default “{fallback}” 不是这一步能接受的答案");
            }
        }

        foreach (var text in step.Templates())
        {
            if (FlowTemplate.HasMalformedPlaceholder(text))
            {
                yaml.Error(node, $"步骤 “{step.Id}” 里有写错的占位符（应为 {{{{变量名}}}}，变量名用英文）");
            }
        }
    }
}
