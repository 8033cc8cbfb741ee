using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// Fits the decision from labelled questions: a logistic regression for "is it about the domain?" on every question,
/// one for "does the first entry answer it?" on the in-scope ones, then the thresholds that answer the most questions
/// right while at most <see cref="MaxWrong"/> of the in-scope ones are answered wrong and at least
/// <see cref="MinRefused"/> of the out-of-scope ones are refused; each <see cref="QuestionType"/> with enough questions
/// gets its own thresholds. <see cref="CrossValidate"/> judges each fold with a model fitted without it.
/// </summary>
public static class DecisionCalibrator
{
    public const int Folds = 5;
    public const double MaxWrong = 0.03;

    /// <summary>
    /// The share of out-of-scope questions the fitted thresholds must not answer, on the questions they are fitted on:
    /// above the 0.95 because new writers' out-of-scope questions are refused 1–3 points less often than the
    /// fitted ones in every by-file cross-validation so far (knowledge/README.md).
    /// </summary>
    public const double MinRefused = 0.96;

    /// <summary>
    /// The share of out-of-scope questions p_domain's threshold refuses by itself: it answers "is this about WeCom
    /// registration?" alone, so it is the lowest that refuses this share, and the answer thresholds do the rest (the
    /// wrong entries, and <see cref="MinRefused"/> overall). Chosen together with the answer threshold, it rose to cut
    /// wrong entries too, and moved by up to 0.175 between files' folds when a comparison's features changed (by-file
    /// cross-validation, knowledge/README.md tenth round).
    /// </summary>
    public const double DomainRefused = 0.95;

    /// <summary>
    /// The most wrong answers one question type may get (on the questions its thresholds are chosen on): the overall
    /// <see cref="MaxWrong"/> alone let the few follow-ups take 8 % wrong, since they are a tenth of the questions.
    /// </summary>
    public const double MaxTypeWrong = 0.05;

    /// <summary>
    /// The shared models' penalty, chosen by file-by-file cross-validation on the nine calibration files (knowledge/README.md,
    /// ninth round): 0.1 answered 0.848 right, 0.01 0.870, 0.003 0.875 / 0.032 wrong, 0.001 0.875 / 0.031, none 0.875 / 0.032.
    /// 0.01 was set when there were a third as many questions.
    /// </summary>
    public const double L2 = 0.001;

    /// <summary>A question type gets thresholds of its own only with this many in-scope training questions.</summary>
    public const int MinTypeSamples = 30;

    /// <summary>A type other than plain (comparison, follow-up, English) gets a p_entry model of its own only with this many in-scope training questions.</summary>
    public const int MinOwnModelSamples = 50;

    /// <summary>
    /// The type models see a hundred-odd questions each: a stronger penalty keeps them near the shared p_entry model (their
    /// prior) where their own data is thin.
    /// </summary>
    public const double TypeL2 = 0.1;

    /// <summary>The folds whose out-of-fold probabilities the thresholds are chosen on.</summary>
    public const int InnerFolds = 4;

    /// <summary>Whether thresholds are chosen on out-of-fold probabilities (chosen by the cross-validation in knowledge/README.md).</summary>
    internal const bool OutOfFoldThresholds = false;

    /// <summary>
    /// Whether the types other than plain (comparisons, follow-ups, English) get a p_entry model of their own. On since
    /// comparisons tell how their answer was found (an aspect's entry, the overview of both sides, the two sides side by
    /// side), which is right at very different rates: under file-by-file cross-validation the own model answered 0.63 of
    /// comparisons right against 0.43 (knowledge/README.md); for follow-ups and English it did as well as the shared one.
    /// </summary>
    internal const bool OwnTypeModels = true;

    private const double Step = 0.025;

    /// <summary>Understands every case as the bot would; a follow-up in the context of the first entry its previous message finds.</summary>
    public static IReadOnlyList<CalibrationSample> Samples(KnowledgeRetriever retriever, IEnumerable<EvalCase> cases) =>
        cases.Select(c =>
        {
            // The previous message's first candidate, not its decided answer: the features must not depend on a model.
            var previous = c.Previous is null ? null : new FollowUpContext(c.Previous, retriever.Search(c.Previous).Top?.Entry.Id);
            return new CalibrationSample(c, retriever.Understand(c.Question, previous));
        }).ToList();

    public static DecisionModel Fit(IReadOnlyList<CalibrationSample> samples) => Fit(samples, OwnTypeModels, OutOfFoldThresholds);

    /// <summary>
    /// The shared decision first (the fallback), then one per <see cref="QuestionType"/> with at least
    /// <see cref="MinTypeSamples"/> in-scope questions: its own p_entry model when <paramref name="ownModels"/> and it has
    /// <see cref="MinOwnModelSamples"/>, and its own answer threshold. The answer thresholds of all types are chosen
    /// together: for a price λ of a wrong answer, each type takes the threshold with the most right − λ·wrong (− λ/2 per
    /// out-of-scope question answered), and of the λs whose thresholds keep the whole set within <see cref="MaxWrong"/> and
    /// <see cref="MinRefused"/>, the one answering the most right wins. So a kind whose first entry is right under other
    /// conditions (a comparison, a follow-up) is no longer held to the plain questions' threshold, and the wrong answers
    /// go where they buy the most right ones. With <paramref name="outOfFold"/>, every threshold is chosen on
    /// probabilities each question got from models fitted without it (<see cref="InnerFolds"/> folds): a model is surer
    /// of the questions it was fitted on, so thresholds chosen on those let more wrong answers through on new ones.
    /// </summary>
    internal static DecisionModel Fit(IReadOnlyList<CalibrationSample> samples, bool ownModels, bool outOfFold)
    {
        var fitted = FitModels(samples, ownModels);
        var (shared, typed) = outOfFold ? OutOfFold(samples, ownModels) : (samples.Select(s => Score(s, Untyped(fitted))).ToList(), samples.Select(s => Score(s, fitted)).ToList());
        var (domainThreshold, answerThreshold) = ChooseThresholds(shared);
        var clarifyThreshold = ChooseClarify(shared, domainThreshold, answerThreshold);
        var model = Untyped(fitted) with { DomainThreshold = domainThreshold, AnswerThreshold = answerThreshold, ClarifyThreshold = clarifyThreshold };
        return model with { Types = ChooseTypes(typed, model, fitted.Types) };
    }

    /// <summary>The models alone (thresholds not chosen yet): p_domain, the shared p_entry, and each eligible type's own p_entry.</summary>
    private static DecisionModel FitModels(IReadOnlyList<CalibrationSample> samples, bool ownModels)
    {
        var domain = LogisticRegression.Fit(DecisionFeatures.DomainNames, samples.Select(s => s.Understanding.Features.Domain).ToList(), samples.Select(s => s.InScope).ToList(), L2);
        var inScope = samples.Where(s => s.InScope).ToList();
        var entry = LogisticRegression.Fit(DecisionFeatures.EntryNames, inScope.Select(s => s.Understanding.Features.Entry).ToList(), inScope.Select(s => s.ShownIsRight).ToList(), L2);
        var types = new Dictionary<QuestionType, TypeDecision>();
        foreach (var type in QuestionTypes.All)
        {
            var own = inScope.Where(s => s.Understanding.Type == type).ToList();
            if (own.Count < MinTypeSamples)
            {
                continue;
            }

            var fitOwn = ownModels && type != QuestionType.Plain && own.Count >= MinOwnModelSamples && own.Any(s => s.ShownIsRight) && own.Any(s => !s.ShownIsRight);
            types[type] = new TypeDecision(0, 0, fitOwn ? LogisticRegression.Fit(DecisionFeatures.EntryNames, own.Select(s => s.Understanding.Features.Entry).ToList(), own.Select(s => s.ShownIsRight).ToList(), TypeL2, prior: entry) : null);
        }

        return new DecisionModel(domain, entry, 0, 0, 0) { Types = types };
    }

    private static DecisionModel Untyped(DecisionModel model) => model with { Types = new Dictionary<QuestionType, TypeDecision>() };

    /// <summary>Every sample scored by models fitted without its inner fold: by the shared p_entry, and by its type's.</summary>
    private static (List<Scored> Shared, List<Scored> Typed) OutOfFold(IReadOnlyList<CalibrationSample> samples, bool ownModels)
    {
        var shared = new Scored[samples.Count];
        var typed = new Scored[samples.Count];
        for (var fold = 0; fold < InnerFolds; fold++)
        {
            var training = samples.Where(s => s.InnerFold(InnerFolds) != fold).ToList();

            // A fold too small to fit on (a handful of test questions) is scored in-sample.
            var models = training.Any(s => s.InScope) && training.Any(s => !s.InScope) && training.Any(s => s.ShownIsRight) && training.Any(s => s.InScope && !s.ShownIsRight)
                ? FitModels(training, ownModels)
                : FitModels(samples, ownModels);
            for (var i = 0; i < samples.Count; i++)
            {
                if (samples[i].InnerFold(InnerFolds) == fold)
                {
                    shared[i] = Score(samples[i], Untyped(models));
                    typed[i] = Score(samples[i], models);
                }
            }
        }

        return (shared.ToList(), typed.ToList());
    }

    private static Dictionary<QuestionType, TypeDecision> ChooseTypes(List<Scored> scored, DecisionModel shared, IReadOnlyDictionary<QuestionType, TypeDecision> models)
    {
        var eligible = models.Keys.ToList();
        if (eligible.Count == 0)
        {
            return [];
        }

        CalibrationRow? best = null;
        Dictionary<QuestionType, double>? chosen = null;
        for (var price = 1.0; price <= 30 + 1e-9; price += 0.5)
        {
            var answers = eligible.ToDictionary(t => t, t => CheapestThreshold(scored.Where(s => s.Sample.Understanding.Type == t).ToList(), shared.DomainThreshold, price));
            var row = Row(scored, shared.DomainThreshold, s => Thresholds(s, answers, shared));
            if (row.Wrong <= MaxWrong && row.OutOfScopeRefused >= MinRefused && (best is null || row.Right > best.Right + 1e-9))
            {
                best = row;
                chosen = answers;
            }
        }

        if (chosen is null)
        {
            return [];
        }

        // The clarify threshold stays the shared one: a type's few dozen questions are too few to judge a "您是想问…" list by,
        // and a clarify threshold raised on them turns real questions of that type into refusals.
        return eligible.ToDictionary(t => t, t => models[t] with { AnswerThreshold = chosen[t], ClarifyThreshold = Math.Min(shared.ClarifyThreshold, chosen[t]) });
    }

    /// <summary>The answer threshold with the most right − <paramref name="price"/>·wrong among a type's questions (the highest of equals).</summary>
    private static double CheapestThreshold(List<Scored> scored, double domain, double price)
    {
        var best = double.NegativeInfinity;
        var chosen = 0.95;
        var inScope = Math.Max(1, scored.Count(s => s.Sample.InScope));
        foreach (var answer in Grid(0.1, 0.95))
        {
            var answered = scored.Where(s => s.Sample.Understanding.Shown.Count > 0 && s.Domain >= domain && s.Entry >= answer).ToList();

            // However cheap a wrong answer is made, no kind of question may get more than MaxTypeWrong of them.
            if (answered.Count(s => s.Sample.InScope && !s.Sample.ShownIsRight) > MaxTypeWrong * inScope)
            {
                continue;
            }

            var value = 0.0;
            foreach (var s in answered)
            {
                value += !s.Sample.InScope ? -price / 2 : s.Sample.ShownIsRight ? 1 : -price;
            }

            if (value >= best - 1e-9)
            {
                best = value;
                chosen = answer;
            }
        }

        return chosen;
    }

    private static (double Answer, double Clarify) Thresholds(Scored s, Dictionary<QuestionType, double> answers, DecisionModel shared) =>
        answers.TryGetValue(s.Sample.Understanding.Type, out var answer) ? (answer, Math.Min(shared.ClarifyThreshold, answer)) : (shared.AnswerThreshold, shared.ClarifyThreshold);

    /// <summary>Each sample decided by the model fitted on the other folds (thresholds chosen on those folds too).</summary>
    public static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidate(IReadOnlyList<CalibrationSample> samples, int folds = Folds) =>
        CrossValidate(samples, folds, Fit);

    /// <summary><see cref="CrossValidate(IReadOnlyList{CalibrationSample}, int)"/> with the fitting step given (tests watch what each fold is fitted on).</summary>
    internal static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidate(IReadOnlyList<CalibrationSample> samples, int folds, Func<IReadOnlyList<CalibrationSample>, DecisionModel> fit) =>
        CrossValidate(samples, folds, s => s.Fold(folds), fit);

    /// <summary>
    /// Each group of samples (one eval file, one writer) decided by the model fitted on the other groups: how the decision
    /// carries over to questions written by someone else, which a split by question cannot tell (a writer's habits sit on
    /// both sides of it).
    /// </summary>
    public static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidateByGroup(IReadOnlyList<CalibrationSample> samples, IReadOnlyList<int> groups) =>
        CrossValidateByGroup(samples, groups, Fit);

    /// <summary><see cref="CrossValidateByGroup(IReadOnlyList{CalibrationSample}, IReadOnlyList{int})"/> with the fitting step given (tests watch what each group is fitted on).</summary>
    internal static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidateByGroup(IReadOnlyList<CalibrationSample> samples, IReadOnlyList<int> groups, Func<IReadOnlyList<CalibrationSample>, DecisionModel> fit)
    {
        var groupOf = new Dictionary<CalibrationSample, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < samples.Count; i++)
        {
            groupOf[samples[i]] = groups[i];
        }

        return CrossValidate(samples, groups.Max() + 1, s => groupOf[s], fit);
    }

    private static IReadOnlyList<(CalibrationSample Sample, AnswerKind Kind)> CrossValidate(IReadOnlyList<CalibrationSample> samples, int folds, Func<CalibrationSample, int> foldOf, Func<IReadOnlyList<CalibrationSample>, DecisionModel> fit)
    {
        var decided = new (CalibrationSample, AnswerKind)[samples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = samples.Where(s => foldOf(s) != fold).ToList();
            if (training.Count == 0 || training.All(s => s.InScope) || !training.Any(s => s.InScope))
            {
                continue;
            }

            var model = fit(training);
            for (var i = 0; i < samples.Count; i++)
            {
                if (foldOf(samples[i]) == fold)
                {
                    decided[i] = (samples[i], Decide(model, samples[i]));
                }
            }
        }

        return decided.Where(d => d.Item1 is not null).ToList();
    }

    public static AnswerKind Decide(DecisionModel model, CalibrationSample sample) =>
        sample.Understanding.Shown.Count == 0 ? AnswerKind.OutOfScope : model.Decide(sample.Understanding.Features, sample.Understanding.Type);

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
        var shared = model with { Types = new Dictionary<QuestionType, TypeDecision>() };
        var scored = samples.Select(s => Score(s, shared)).ToList();
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

    /// <summary>
    /// The questions of one <paramref name="type"/> (in scope and not), scored as the model scores them, over the answer
    /// thresholds at the model's domain threshold: the sweep per type that `kb calibrate` prints.
    /// </summary>
    public static IReadOnlyList<CalibrationRow> Sweep(IReadOnlyList<CalibrationSample> samples, DecisionModel model, QuestionType type)
    {
        var scored = samples.Where(s => s.Understanding.Type == type).Select(s => Score(s, model)).ToList();
        var clarify = model.Thresholds(type).Clarify;
        return Grid(0.1, 0.95).Select(answer => Row(scored, model.DomainThreshold, answer, clarify)).ToList();
    }

    private sealed record Scored(CalibrationSample Sample, double Domain, double Entry);

    private static Scored Score(CalibrationSample s, DecisionModel model) =>
        s.Understanding.Shown.Count == 0 ? new(s, 0, 0) : new(s, model.Domain.Probability(s.Understanding.Features.Domain), model.EntryProbability(s.Understanding.Features, s.Understanding.Type));

    private static (double Domain, double Answer) ChooseThresholds(List<Scored> scored)
    {
        var domain = DomainThreshold(scored);
        CalibrationRow? best = null;
        CalibrationRow? leastBad = null;
        foreach (var answer in Grid(0.1, 0.95))
        {
            var row = Row(scored, domain, answer, answer);
            var feasible = row.Wrong <= MaxWrong && row.OutOfScopeRefused >= MinRefused;
            if (feasible && (best is null || row.Right > best.Right + 1e-9))
            {
                best = row;
            }

            // With no feasible threshold, the best trade: a wrong answer costs as much as four right ones, an answered
            // out-of-scope question as much as two.
            if (leastBad is null || Utility(row) > Utility(leastBad) + 1e-9)
            {
                leastBad = row;
            }
        }

        return (domain, (best ?? leastBad!).AnswerThreshold);
    }

    /// <summary>The lowest p_domain threshold that refuses <see cref="DomainRefused"/> of the out-of-scope questions by itself.</summary>
    private static double DomainThreshold(List<Scored> scored)
    {
        var outOfScope = scored.Where(s => !s.Sample.InScope).ToList();
        return Grid(0.1, 0.9).FirstOrDefault(domain => outOfScope.Count(s => s.Sample.Understanding.Shown.Count == 0 || s.Domain < domain) >= DomainRefused * outOfScope.Count, 0.9);
    }

    private static double Utility(CalibrationRow row) => row.Right - (4 * row.Wrong) - (2 * (1 - row.OutOfScopeRefused));

    /// <summary>
    /// The clarify threshold: the lowest p_entry at which a "您是想问…" still offers the right entry at least as often as
    /// not, so the question is worth asking.
    /// </summary>
    private static double ChooseClarify(List<Scored> scored, double domain, double answer)
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

    private static CalibrationRow Row(List<Scored> scored, double domain, double answer, double clarify) =>
        Row(scored, domain, _ => (answer, clarify)) with { AnswerThreshold = answer };

    private static CalibrationRow Row(List<Scored> scored, double domain, Func<Scored, (double Answer, double Clarify)> thresholds)
    {
        int inScope = 0, right = 0, wrong = 0, clarified = 0, outOfScope = 0, refused = 0;
        foreach (var s in scored)
        {
            var (sample, d, e) = s;
            var (answer, clarify) = thresholds(s);
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
        return new CalibrationRow(domain, double.NaN, Share(right, inScope), Share(wrong, inScope), Share(clarified, inScope), Share(refused, outOfScope));
    }

    private static IEnumerable<double> Grid(double from, double to)
    {
        for (var value = from; value <= to + 1e-9; value += Step)
        {
            yield return Math.Round(value, 3);
        }
    }
}
