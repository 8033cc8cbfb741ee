using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>confirm: yes or no, kept as true / false; yes: / no: name the two answers (default 是 / 不是).</summary>
public sealed class ConfirmPromptKind : FlowPromptKind<bool>
{
    public override string Name => "confirm";

    public override string DefaultHelp => "回答“是”或“不是”就行，“有”“没有”“好的”“不用”也都可以。";

    public override IReadOnlyCollection<string> OwnFields { get; } = ["yes", "no"];

    public override bool AnswersAnyYesNo => true;

    protected override string Format(bool answer) => answer ? "true" : "false";

    protected override Dialog CreateDialog(string dialogId, PromptValidator<bool>? validator, TimeProvider timeProvider) =>
        new ConfirmPrompt(dialogId, validator);

    public override string? Describe(PromptStep step, object? answer) => answer is bool yes
        ? yes ? step.YesLabel ?? "是" : step.NoLabel ?? "不是"
        : AsText(answer);

    public override string Help(PromptStep step) =>
        step is { YesLabel: { } yes, NoLabel: { } no } ? FlowTexts.ConfirmHelp(yes, no) : DefaultHelp;

    public override IReadOnlyList<Choice> Options(PromptStep step) =>
        step is { YesLabel: { } yes, NoLabel: { } no } ? [new Choice(yes), new Choice(no)] : [];

    public override bool AcceptsDefault(PromptStep step, string value) =>
        value is "是" or "否" || value == step.YesLabel || value == step.NoLabel;

    internal override PromptStep ReadOwnFields(PromptStep step, YamlMappingNode node, FlowYamlReader yaml, FlowPartReader parts) =>
        step with { YesLabel = yaml.OptionalString(node, "yes"), NoLabel = yaml.OptionalString(node, "no") };

    internal override void CheckOwnFields(PromptStep step, YamlMappingNode node, FlowYamlReader yaml)
    {
        if ((step.YesLabel is null) != (step.NoLabel is null))
        {
            yaml.Error(node, $"步骤 “{step.Id}” 的 yes: 和 no: 要一起写");
        }
    }
}
