using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>text: any reply, kept masked; with a validator, a code in the opening sentence can answer it.</summary>
public sealed class TextPromptKind : FlowPromptKind<string>
{
    public override string Name => "text";

    public override bool TakesCheckedCodes => true;

    protected override string Format(string answer) => answer;

    protected override Dialog CreateDialog(string dialogId, PromptValidator<string>? validator, TimeProvider timeProvider) =>
        new TextPrompt(dialogId, validator);

    // Personal data is masked before it reaches conversation state.
    protected override void Store(string variable, string answer, IDictionary<string, string> values, IFlowValueMasker? masker) =>
        values[variable] = masker?.Mask(answer) ?? answer;
}
