using System.Globalization;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Dialogs.Flows.FlowYamlReader;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Checks one step on its own: the fields its kind needs, its choices and default answer, and its placeholders.</summary>
internal sealed class FlowStepChecker(FlowYamlReader yaml)
{
    public void Check(FlowStep step, YamlMappingNode node)
    {
        if (step.IsPrompt && step.Prompt is null)
        {
            yaml.Error(node, $"步骤 “{step.Id}” 是 {KindName(step.Kind)}，需要 prompt:（问用户的话）");
        }

        if (step.Kind is FlowStepKind.Message or FlowStepKind.Pause && step.Text is null)
        {
            yaml.Error(node, $"步骤 “{step.Id}” 是 {KindName(step.Kind)}，需要 text:");
        }

        if (step.Kind == FlowStepKind.Choice && step.Choices.Count < 2)
        {
            yaml.Error(Get(node, "choices") ?? node, $"步骤 “{step.Id}” 是 choice，需要 choices: 至少两个选项");
        }

        if (step.Kind == FlowStepKind.Choice && step.Choices.Select(c => c.Value).Distinct().Count() != step.Choices.Count)
        {
            yaml.Error(Get(node, "choices"), $"步骤 “{step.Id}” 的选项有重复");
        }

        if (step.Kind == FlowStepKind.Set && step.Set.Count == 0)
        {
            yaml.Error(node, $"步骤 “{step.Id}” 是 set，需要 set: 映射（变量: 值）");
        }

        if (step.Kind == FlowStepKind.Call && string.IsNullOrWhiteSpace(step.Flow))
        {
            yaml.Error(node, $"步骤 “{step.Id}” 是 call，需要 flow:（被调用流程的 id）");
        }

        if (step.Kind == FlowStepKind.Action && string.IsNullOrWhiteSpace(step.Action))
        {
            yaml.Error(node, $"步骤 “{step.Id}” 是 action，需要 action:（动作名）");
        }

        if ((step.YesLabel is null) != (step.NoLabel is null))
        {
            yaml.Error(node, $"步骤 “{step.Id}” 的 yes: 和 no: 要一起写");
        }

        if (step.Default is { } fallback && !AcceptsDefault(step, fallback))
        {
            yaml.Error(Get(node, "default"), $"步骤 “{step.Id}” 的 default “{fallback}” 不是这一步能接受的答案");
        }

        foreach (var text in new[] { step.Help, step.Retry }.Concat(step.Prompt?.Parts.Select(p => p.Text) ?? []).Concat(step.Text?.Parts.Select(p => p.Text) ?? []))
        {
            if (text is not null && FlowTemplate.HasMalformedPlaceholder(text))
            {
                yaml.Error(node, $"步骤 “{step.Id}” 里有写错的占位符（应为 {{{{变量名}}}}，变量名用英文）");
            }
        }
    }

    private static bool AcceptsDefault(FlowStep step, string fallback) => step.Kind switch
    {
        FlowStepKind.Choice => step.Choices.Any(c => c.Value == fallback),
        FlowStepKind.Confirm => fallback is "是" or "否" || fallback == step.YesLabel || fallback == step.NoLabel,
        FlowStepKind.Number => decimal.TryParse(fallback, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    private static string KindName(FlowStepKind kind) => kind.ToString().ToLowerInvariant();
}
