using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>phone: a mainland mobile number; the variable keeps it masked (138****5678), an action on the step gets it whole.</summary>
public sealed class PhonePromptKind : FlowPromptKind<string>
{
    public override string Name => "phone";

    public override string DefaultHelp => "回复 11 位手机号就行。";

    protected override string Format(string answer) => answer;

    protected override Dialog CreateDialog(string dialogId, PromptValidator<string>? validator, TimeProvider timeProvider) =>
        new PhoneNumberPrompt(dialogId, validator);

    protected override void Store(string variable, string answer, IDictionary<string, string> values, IFlowValueMasker? masker) =>
        values[variable] = PhoneNumberRecognition.Mask(answer);
}
