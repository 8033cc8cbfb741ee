namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>Runs labelled questions through the retriever: accuracy at the thresholds in use, and a threshold sweep.</summary>
public static class KnowledgeEvaluator
{
    public const double SweepStep = 0.05;

    /// <summary>
    /// Asks every question as the bot would (a follow-up after its <see cref="EvalCase.Previous"/> message, in the
    /// context of the entry that message got) and judges the answer.
    /// </summary>
    public static EvalReport Evaluate(KnowledgeRetriever retriever, IEnumerable<EvalCase> cases)
    {
        var answer = retriever.Options.AnswerThreshold;
        var clarify = retriever.Options.ClarifyThreshold;
        var outcomes = cases
            .Select(c =>
            {
                var previous = c.Previous is null ? null : new FollowUpContext(c.Previous, retriever.Answer(c.Previous).EntryId);
                var understanding = retriever.Understand(c.Question, previous);
                return new EvalOutcome(c, understanding.Result, retriever.Decide(understanding));
            })
            .ToList();
        return new EvalReport(outcomes, answer, clarify);
    }

    /// <summary>Precision, coverage and refusal for answer thresholds 0.00, 0.05 … 1.00.</summary>
    public static IReadOnlyList<SweepRow> Sweep(EvalReport report)
    {
        var rows = new List<SweepRow>();
        var inScope = report.Outcomes.Where(o => o.Case.InScope).ToList();
        var outOfScope = report.Outcomes.Where(o => !o.Case.InScope).ToList();
        for (var step = 0; step <= 20; step++)
        {
            var threshold = Math.Round(step * SweepStep, 2);
            var answeredIn = inScope.Where(o => o.TopId is not null && o.TopConfidence >= threshold).ToList();
            var answeredOut = outOfScope.Count(o => o.TopId is not null && o.TopConfidence >= threshold);
            var answered = answeredIn.Count + answeredOut;
            var precision = answered == 0 ? 1 : (double)answeredIn.Count(o => o.Top1) / answered;
            var coverage = inScope.Count == 0 ? 1 : (double)answeredIn.Count / inScope.Count;
            var refusal = outOfScope.Count == 0 ? 1 : (double)(outOfScope.Count - answeredOut) / outOfScope.Count;
            rows.Add(new SweepRow(threshold, precision, coverage, refusal, Math.Abs(threshold - report.AnswerThreshold) < SweepStep / 2));
        }

        return rows;
    }
}
