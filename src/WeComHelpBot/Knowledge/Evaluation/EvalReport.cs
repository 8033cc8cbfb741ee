namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>Accuracy of retrieval on a labelled set, at the thresholds in use.</summary>
public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes, double AnswerThreshold, double ClarifyThreshold)
{
    public int InScopeCount => Outcomes.Count(o => o.Case.InScope);

    public int OutOfScopeCount => Outcomes.Count(o => !o.Case.InScope);

    public double Top1 => Ratio(Outcomes.Count(o => o.Top1), InScopeCount);

    public double Top3 => Ratio(Outcomes.Count(o => o.Top3), InScopeCount);

    /// <summary>In-scope questions answered (not clarified) with the right entry.</summary>
    public double AnsweredCorrectly => Ratio(Outcomes.Count(o => o.Case.InScope && o.Verdict == EvalVerdict.Right), InScopeCount);

    /// <summary>Out-of-scope questions not answered (clarify or out-of-scope reply).</summary>
    public double Rejection => Ratio(Outcomes.Count(o => o.Rejected), OutOfScopeCount);

    /// <summary>Out-of-scope questions that got the plain out-of-scope reply (not even a clarify question).</summary>
    public double StrictRejection => Ratio(Outcomes.Count(o => !o.Case.InScope && o.Answer.Kind == AnswerKind.OutOfScope), OutOfScopeCount);

    public IEnumerable<EvalOutcome> Misses => Outcomes.Where(o => o.Miss);

    /// <summary>In-scope questions per kind, in the order kinds first appear; out-of-scope questions are <see cref="OutOfScope"/>.</summary>
    public IReadOnlyList<KindReport> Kinds => Outcomes.Where(o => o.Case.InScope).GroupBy(o => o.Case.Kind).Select(g => KindReport.Of(g.Key, g)).ToList();

    /// <summary>Every in-scope question.</summary>
    public KindReport Overall => KindReport.Of("overall", Outcomes.Where(o => o.Case.InScope));

    /// <summary>The out-of-scope questions: refused (or clarified) is right for them, answered is wrong.</summary>
    public KindReport OutOfScope => KindReport.Of(EvalCase.OutOfScopeKind, Outcomes.Where(o => !o.Case.InScope));

    private static double Ratio(int count, int total) => total == 0 ? 1 : (double)count / total;
}
