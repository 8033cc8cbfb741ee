using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Dialogs.Flows.FlowYamlReader;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>
/// choice: one of the step's choices:, by name, synonym, number, ordinal or description; an option named in the
/// opening sentence answers it, and one named at a later step changes it.
/// </summary>
public sealed class ChoicePromptKind : FlowPromptKind<FoundChoice>
{
    public override string Name => "choice";

    public override string DefaultHelp => "从下面的选项里挑一个，回复序号（比如“2”）、“第二个”或者选项的名字都可以。";

    public override IReadOnlyCollection<string> OwnFields { get; } = ["choices"];

    public override bool AnswersByNamingAnOption => true;

    protected override string Format(FoundChoice answer) => answer.Value;

    protected override Dialog CreateDialog(string dialogId, PromptValidator<FoundChoice>? validator, TimeProvider timeProvider) =>
        new ChoicePrompt(dialogId, validator);

    public override IReadOnlyList<Choice> Options(PromptStep step) =>
        step.Choices.Select(c => new Choice(c.Value, c.Synonyms, c.Description)).ToList();

    public override bool AcceptsDefault(PromptStep step, string value) => step.Choices.Any(c => c.Value == value);

    // Only an option named outright: "打款3天了" is not option 3.
    public override async Task<object?> FromOpeningAsync(string utterance, bool firstTurn, Func<string, Task<object?>> recognize) =>
        firstTurn && await recognize(utterance) is FoundChoice { MatchKind: ChoiceMatchKind.Exact or ChoiceMatchKind.Contained } choice ? choice : null;

    internal override PromptStep ReadOwnFields(PromptStep step, YamlMappingNode node, FlowYamlReader yaml, FlowPartReader parts) =>
        step with { Choices = parts.Choices(node) };

    internal override void CheckOwnFields(PromptStep step, YamlMappingNode node, FlowYamlReader yaml)
    {
        if (step.Choices.Count < 2)
        {
            yaml.Error(Get(node, "choices") ?? node, $"步骤 “{step.Id}” 是 choice，需要 choices: 至少两个选项");
        }

        if (step.Choices.Select(c => c.Value).Distinct().Count() != step.Choices.Count)
        {
            yaml.Error(Get(node, "choices"), $"步骤 “{step.Id}” 的选项有重复");
        }
    }
}
