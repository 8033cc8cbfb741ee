namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>The verdicts for the questions of one kind (or all of them): shares of answered right, answered wrong, clarified, refused.</summary>
public sealed record KindReport(string Kind, int Count, int Right, int Wrong, int Clarified, int Refused)
{
    public double RightShare => Share(Right);

    public double WrongShare => Share(Wrong);

    public double ClarifiedShare => Share(Clarified);

    public double RefusedShare => Share(Refused);

    public static KindReport Of(string kind, IEnumerable<EvalOutcome> outcomes)
    {
        var verdicts = outcomes.Select(o => o.Verdict).ToList();
        return new KindReport(
            kind,
            verdicts.Count,
            verdicts.Count(v => v == EvalVerdict.Right),
            verdicts.Count(v => v == EvalVerdict.Wrong),
            verdicts.Count(v => v == EvalVerdict.Clarified),
            verdicts.Count(v => v == EvalVerdict.Refused));
    }

    private double Share(int n) => Count == 0 ? 0 : (double)n / Count;
}
