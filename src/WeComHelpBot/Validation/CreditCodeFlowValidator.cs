using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Validation;

/// <summary>
/// <c>validator: credit-code</c> in dialogs/: checks a 统一社会信用代码 with <see cref="UnifiedSocialCreditCode"/>, says
/// exactly what is wrong and what to compare it with, and on a correct code what it says about the company.
/// The value is only checked: nothing is kept or logged.
/// </summary>
public sealed class CreditCodeFlowValidator : IFlowValidator
{
    public const string ValidatorName = "credit-code";

    public string Name => ValidatorName;

    public FlowValidationResult Validate(string value)
    {
        if (CodeCheckTexts.IsSkip(value))
        {
            return FlowValidationResult.ValidWithNote(CodeCheckTexts.CreditCodeSkipped);
        }

        var candidate = CodeCandidate.Find(value);
        if (candidate.Length == 0)
        {
            return FlowValidationResult.Invalid(CodeCheckTexts.NoCreditCode);
        }

        var result = UnifiedSocialCreditCode.Check(candidate);
        return result.IsValid
            ? FlowValidationResult.ValidWithNote(CodeCheckTexts.CreditCodeValid(result.Normalized))
            : FlowValidationResult.Invalid(CodeCheckTexts.Problems("这个统一社会信用代码有问题：", result.Problems, CodeCheckTexts.CreditCodeCompare));
    }
}
