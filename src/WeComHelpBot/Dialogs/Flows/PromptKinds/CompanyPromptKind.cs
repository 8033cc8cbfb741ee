using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>company: a company, shop or unit name taken out of the words around it; one named in the opening sentence is used.</summary>
public sealed class CompanyPromptKind : FlowPromptKind<string>
{
    public override string Name => "company";

    public override string DefaultHelp => "回复营业执照上的单位全称就行。";

    protected override string Format(string answer) => answer;

    protected override Dialog CreateDialog(string dialogId, PromptValidator<string>? validator, TimeProvider timeProvider) =>
        new CompanyNamePrompt(dialogId, validator);

    protected override void Store(string variable, string answer, IDictionary<string, string> values, IFlowValueMasker? masker) =>
        values[variable] = masker?.Mask(answer) ?? answer;

    // A name counts in every turn: it does not go stale the way an option picked in passing would.
    public override Task<object?> FromOpeningAsync(string utterance, bool firstTurn, Func<string, Task<object?>> recognize) =>
        Task.FromResult<object?>(CompanyNameRecognizer.Named(utterance));
}
