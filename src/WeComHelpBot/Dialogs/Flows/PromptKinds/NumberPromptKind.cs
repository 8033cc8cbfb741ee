using System.Globalization;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>number: a number, also in words or in a sentence ("大概三百人" → 300).</summary>
public sealed class NumberPromptKind : FlowPromptKind<decimal>
{
    public override string Name => "number";

    public override string DefaultHelp => "回复一个数字就行，比如“120”或者“大概三百人”。";

    protected override string Format(decimal answer) => FlowPromptKinds.FormatNumber(answer);

    protected override Dialog CreateDialog(string dialogId, PromptValidator<decimal>? validator, TimeProvider timeProvider) =>
        new NumberPrompt(dialogId, validator);

    public override bool AcceptsDefault(PromptStep step, string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
