namespace WeComHelpBot.Validation;

/// <summary>
/// The outcome of checking a code a user typed: the cleaned-up form that was checked and, when it is
/// wrong, each problem as a sentence a user can act on (zh-CN).
/// </summary>
public sealed record CodeCheckResult(string Normalized, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
