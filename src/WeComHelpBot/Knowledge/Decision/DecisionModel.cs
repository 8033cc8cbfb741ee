namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// The calibrated decision (knowledge/decision.yaml, refitted by `wecomhelp kb calibrate`): the bot answers when the
/// question is about the domain (p_domain ≥ <see cref="DomainThreshold"/>) and the first entry answers it
/// (p_entry ≥ <see cref="AnswerThreshold"/>); it asks "您是想问…" when the domain is clear but the entry is not
/// (p_entry ≥ <see cref="ClarifyThreshold"/>); otherwise it says the question is out of scope.
/// </summary>
public sealed record DecisionModel(LogisticModel Domain, LogisticModel Entry, double DomainThreshold, double AnswerThreshold, double ClarifyThreshold)
{
    public AnswerKind Decide(DecisionFeatures features) => Decide(Domain.Probability(features.Domain), Entry.Probability(features.Entry));

    public AnswerKind Decide(double domain, double entry) => Decide(domain, entry, DomainThreshold, AnswerThreshold, ClarifyThreshold);

    /// <summary>The rule itself, for thresholds being tried out (the calibration's sweep).</summary>
    public static AnswerKind Decide(double domain, double entry, double domainThreshold, double answerThreshold, double clarifyThreshold) =>
        domain < domainThreshold ? AnswerKind.OutOfScope
        : entry >= answerThreshold ? AnswerKind.Answer
        : entry >= clarifyThreshold ? AnswerKind.Clarify
        : AnswerKind.OutOfScope;

    /// <summary>How sure the bot is: p_domain × p_entry, the probability that the answer is right.</summary>
    public double Score(DecisionFeatures features) => Domain.Probability(features.Domain) * Entry.Probability(features.Entry);
}
