namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// The calibrated decision (knowledge/decision.yaml, refitted by `wecomhelp kb calibrate`): the bot answers when the
/// question is about the domain (p_domain ≥ <see cref="DomainThreshold"/>) and the first entry answers it
/// (p_entry ≥ the answer threshold); it asks "您是想问…" when the domain is clear but the entry is not
/// (p_entry ≥ the clarify threshold); otherwise it says the question is out of scope. A <see cref="QuestionType"/> listed
/// in <see cref="Types"/> has its own thresholds (and possibly its own p_entry model); any other falls back to the shared
/// <see cref="Entry"/>, <see cref="AnswerThreshold"/> and <see cref="ClarifyThreshold"/>.
/// </summary>
public sealed record DecisionModel(LogisticModel Domain, LogisticModel Entry, double DomainThreshold, double AnswerThreshold, double ClarifyThreshold)
{
    public IReadOnlyDictionary<QuestionType, TypeDecision> Types { get; init; } = new Dictionary<QuestionType, TypeDecision>();

    public AnswerKind Decide(DecisionFeatures features, QuestionType type = QuestionType.Plain)
    {
        var (answer, clarify) = Thresholds(type);
        return Decide(Domain.Probability(features.Domain), EntryProbability(features, type), DomainThreshold, answer, clarify);
    }

    /// <summary>p_entry for a question of <paramref name="type"/>: by the type's own model when it has one.</summary>
    public double EntryProbability(DecisionFeatures features, QuestionType type) =>
        (Types.GetValueOrDefault(type)?.Entry ?? Entry).Probability(features.Entry);

    /// <summary>The answer and clarify thresholds for <paramref name="type"/>: its own, or the shared ones.</summary>
    public (double Answer, double Clarify) Thresholds(QuestionType type) =>
        Types.GetValueOrDefault(type) is { } own ? (own.AnswerThreshold, own.ClarifyThreshold) : (AnswerThreshold, ClarifyThreshold);

    /// <summary>The rule itself, for thresholds being tried out (the calibration's sweep).</summary>
    public static AnswerKind Decide(double domain, double entry, double domainThreshold, double answerThreshold, double clarifyThreshold) =>
        domain < domainThreshold ? AnswerKind.OutOfScope
        : entry >= answerThreshold ? AnswerKind.Answer
        : entry >= clarifyThreshold ? AnswerKind.Clarify
        : AnswerKind.OutOfScope;

    /// <summary>How sure the bot is: p_domain × p_entry, the probability that the answer is right.</summary>
    public double Score(DecisionFeatures features, QuestionType type = QuestionType.Plain) => Domain.Probability(features.Domain) * EntryProbability(features, type);
}
