using System.Text.RegularExpressions;
using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Tests.Flows;

/// <summary>Stands in for the lead's credit-code validator: checks length and the character set only.</summary>
public sealed partial class FakeCreditCodeValidator : IFlowValidator
{
    public string Name => "credit-code";

    public FlowValidationResult Validate(string value)
    {
        var code = value.Trim().ToUpperInvariant();
        if (code.Length != 18)
        {
            return FlowValidationResult.Invalid($"统一社会信用代码是 18 位，您发的是 {code.Length} 位。");
        }

        return Allowed().IsMatch(code) ? FlowValidationResult.Valid : FlowValidationResult.Invalid("代码里有不会出现的字母（I、O、Z、S、V）。");
    }

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex Allowed();
}
