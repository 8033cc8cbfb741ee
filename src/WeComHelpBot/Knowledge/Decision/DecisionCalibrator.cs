using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// Fits the decision from labelled questions: a logistic regression for "is it about the domain?" on every question,
/// one for "does the first entry answer it?" on the in-scope ones, then the thresholds that answer the most questions
/// right while at most <see cref="MaxWrong"/> of the in-scope ones are answered wrong and at least
/// <see cref="MinRefused"/> of the out-of-scope ones are refused. <see cref="CrossValidate"/> judges each fold with
/// a model fitted without it.
/// </summary>
public static class DecisionCalibrator
{
    public const int Folds = 5;
    public const double MaxWrong = 0.03;
    public const double MinRefused = 0.95;
    public const double L2 = 0.01;

    private const double Step = 0.025;

    /// <summary>Understands every case as the bot would; a follow-up in the context of the first entry its previous message finds.</summary>
    public static IReadOnlyList<CalibrationSample> Samples(KnowledgeRetriever retriever, IEnumerable<EvalCase> cases) =>
        cases.Select(c =>
        {
            // The previous message's first candidate, not its decided answer: the features must not depend on a model.
            var previous = c.Previous is null ? null : new FollowUpContext(c.Previous, retriever.Search(c.Previous).Top?.Entry.Id);
            return new CalibrationSample(c, retriever.Understand(c.Question, previous));
        }).ToList();

    public static DecisionModel Fit(IReadOnlyList<CalibrationSample> samples)
    {
        var domain = LogisticRegression.Fit(DecisionFeatures.DomainNames, samples.Select(s => s.Understanding.Features.Domain).ToList(), samples.Select(s => s.InScope).ToList(), L2);
        var inScope = samples.Where(s => s.InScope).ToList();
        var entry = LogisticRegression.Fit(DecisionFeatures.EntryNames, inScope.Select(s => s.Understanding.Features.Entry).ToList(), inScope.Select(s => s.ShownIsRight).ToList(), L2);
        var scored = samples.Select(s => Score(s, domain, entry)).ToList();
        var (domainThreshold, answerThreshold) = ChooseThresholds(scored);
        var clarifyThreshold = ChooseClarify(scored, domainThreshold, answerThreshold);
        return new DecisionModel(domain, entry, domainThreshold, answerThreshold, clarifyThreshold);
    }

    /// <summary>Each sample decided by the model fitted on the other folds (thresholds chosen on those folds too).</summary>
    public static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidate(IReadOnlyList<CalibrationSample> samples, int folds = Folds) =>
        CrossValidate(samples, folds, Fit);

    /// <summary><see cref="CrossValidate(IReadOnlyList{CalibrationSample}, int)"/> with the fitting step given (tests watch what each fold is fitted on).</summary>
    internal static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidate(IReadOnlyList<CalibrationSample> samples, int folds, Func<IReadOnlyList<CalibrationSample>, DecisionModel> fit)
    {
        var decided = new (CalibrationSample, AnswerKind)[samples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = samples.Where(s => s.Fold(folds) != fold).ToList();
            if (training.Count == 0 || training.All(s => s.InScope) || !training.Any(s => s.InScope))
            {
                continue;
            }

            var model = fit(training);
            for (var i = 0; i < samples.Count; i++)
            {
                if (samples[i].Fold(folds) == fold)
                {
                    decided[i] = (samples[i], Decide(model, samples[i]));
                }
            }
        }

        return decided.Where(d => d.Item1 is not null).ToList();
    }

    public static AnswerKind Decide(DecisionModel model, CalibrationSample sample) =>
        sample.Understanding.Shown.Count == 0 ? AnswerKind.OutOfScope : model.Decide(sample.Understanding.Features);

    /// <summary>The verdict of deciding <paramref name="kind"/> for a sample.</summary>
    public static EvalVerdict Verdict(CalibrationSample sample, AnswerKind kind) => kind switch
    {
        AnswerKind.Answer => sample.ShownIsRight ? EvalVerdict.Right : EvalVerdict.Wrong,
        AnswerKind.Clarify => EvalVerdict.Clarified,
        _ => EvalVerdict.Refused,
    };

    /// <summary>Right, wrong, clarified and refused over the grid of thresholds, for the sweep `kb calibrate` prints.</summary>
    public static IReadOnlyList<CalibrationRow> Sweep(IReadOnlyList<CalibrationSample> samples, DecisionModel model)
    {
        var scored = samples.Select(s => Score(s, model.Domain, model.Entry)).ToList();
        var rows = new List<CalibrationRow>();
        foreach (var domain in Grid(0.1, 0.9))
        {
            foreach (var answer in Grid(0.1, 0.95))
            {
                rows.Add(Row(scored, domain, answer, model.ClarifyThreshold));
            }
        }

        return rows;
    }

    private static (CalibrationSample Sample, double Domain, double Entry) Score(CalibrationSample s, LogisticModel domain, LogisticModel entry) =>
        s.Understanding.Shown.Count == 0 ? (s, 0, 0) : (s, domain.Probability(s.Understanding.Features.Domain), entry.Probability(s.Understanding.Features.Entry));

    private static (double Domain, double Answer) ChooseThresholds(List<(CalibrationSample Sample, double Domain, double Entry)> scored)
    {
        CalibrationRow? best = null;
        CalibrationRow? leastBad = null;
        foreach (var domain in Grid(0.1, 0.9))
        {
            foreach (var answer in Grid(0.1, 0.95))
            {
                var row = Row(scored, domain, answer, answer);
                var feasible = row.Wrong <= MaxWrong && row.OutOfScopeRefused >= MinRefused;
                if (feasible && (best is null || row.Right > best.Right + 1e-9))
                {
                    best = row;
                }

                // With no feasible pair, the best trade: a wrong answer costs as much as four right ones, an answered
                // out-of-scope question as much as two.
                if (leastBad is null || Utility(row) > Utility(leastBad) + 1e-9)
                {
                    leastBad = row;
                }
            }
        }

        var chosen = best ?? leastBad!;
        return (chosen.DomainThreshold, chosen.AnswerThreshold);
    }

    private static double Utility(CalibrationRow row) => row.Right - (4 * row.Wrong) - (2 * (1 - row.OutOfScopeRefused));

    /// <summary>
    /// The clarify threshold: the lowest p_entry at which a "您是想问…" still offers the right entry at least as often as
    /// not, so the question is worth asking.
    /// </summary>
    private static double ChooseClarify(List<(CalibrationSample Sample, double Domain, double Entry)> scored, double domain, double answer)
    {
        var chosen = answer;
        foreach (var threshold in Grid(0.05, answer).Reverse())
        {
            var band = scored.Where(s => s.Domain >= domain && s.Entry >= threshold && s.Entry < answer).ToList();
            var useful = band.Count(s => s.Sample.RightInSuggestions);
            if (band.Count > 0 && useful * 2 < band.Count)
            {
                break;
            }

            chosen = threshold;
        }

        return chosen;
    }

    private static CalibrationRow Row(List<(CalibrationSample Sample, double Domain, double Entry)> scored, double domain, double answer, double clarify)
    {
        int inScope = 0, right = 0, wrong = 0, clarified = 0, outOfScope = 0, refused = 0;
        foreach (var (sample, d, e) in scored)
        {
            var kind = sample.Understanding.Shown.Count == 0 ? AnswerKind.OutOfScope : DecisionModel.Decide(d, e, domain, answer, Math.Min(clarify, answer));
            if (sample.InScope)
            {
                inScope++;
                switch (Verdict(sample, kind))
                {
                    case EvalVerdict.Right: right++; break;
                    case EvalVerdict.Wrong: wrong++; break;
                    case EvalVerdict.Clarified: clarified++; break;
                }
            }
            else
            {
                outOfScope++;
                refused += kind == AnswerKind.Answer ? 0 : 1;
            }
        }

        double Share(int n, int of) => of == 0 ? 1 : (double)n / of;
        return new CalibrationRow(domain, answer, Share(right, inScope), Share(wrong, inScope), Share(clarified, inScope), Share(refused, outOfScope));
    }

    private static IEnumerable<double> Grid(double from, double to)
    {
        for (var value = from; value <= to + 1e-9; value += Step)
        {
            yield return Math.Round(value, 3);
        }
    }
}
