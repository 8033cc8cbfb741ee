using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Validation;

/// <summary>
/// <c>validator: resident-id</c> in dialogs/: checks the legal representative's 18-digit ID number with
/// <see cref="ResidentIdNumber"/> (birth dates are checked against today in China). Only checked: nothing is kept or logged.
/// </summary>
public sealed class ResidentIdFlowValidator(TimeProvider timeProvider) : IFlowValidator
{
    public const string ValidatorName = "resident-id";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public string Name => ValidatorName;

    public FlowValidationResult Validate(string value)
    {
        if (CodeCheckTexts.IsSkip(value))
        {
            return FlowValidationResult.ValidWithNote(CodeCheckTexts.ResidentIdSkipped);
        }

        var candidate = CodeCandidate.Find(value);
        if (candidate.Length == 0)
        {
            return FlowValidationResult.Invalid(CodeCheckTexts.NoResidentId);
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        var result = ResidentIdNumber.Check(candidate, today);
        return result.IsValid
            ? FlowValidationResult.ValidWithNote(CodeCheckTexts.ResidentIdValid)
            : FlowValidationResult.Invalid(CodeCheckTexts.Problems("这个身份证号有问题：", result.Problems, CodeCheckTexts.ResidentIdCompare));
    }
}
