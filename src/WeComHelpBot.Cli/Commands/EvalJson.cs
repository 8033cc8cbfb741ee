using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`kb eval --json`: the overall figures, one row per kind of question, the out-of-scope row and every miss.</summary>
internal sealed record EvalJson(
    int Questions,
    double Top1,
    double Top3,
    EvalJson.KindJson Overall,
    IReadOnlyList<EvalJson.KindJson> Kinds,
    EvalJson.KindJson OutOfScope,
    IReadOnlyList<EvalJson.MissJson> Misses)
{
    public static EvalJson From(EvalReport report) => new(
        report.Outcomes.Count,
        Math.Round(report.Top1, 4),
        Math.Round(report.Top3, 4),
        KindJson.From(report.Overall),
        report.Kinds.Select(KindJson.From).ToList(),
        KindJson.From(report.OutOfScope),
        report.Misses.Select(m => new MissJson(m.Case.Line, m.Case.Kind, m.Case.Question, m.Case.Expected, m.Case.Both, m.Verdict.ToString().ToLowerInvariant(), m.Answer.EntryIds, m.TopId, Math.Round(m.Answer.Score, 4))).ToList());

    internal sealed record KindJson(string Kind, int Count, double Right, double Wrong, double Clarified, double Refused)
    {
        public static KindJson From(KindReport k) =>
            new(k.Kind, k.Count, Math.Round(k.RightShare, 4), Math.Round(k.WrongShare, 4), Math.Round(k.ClarifiedShare, 4), Math.Round(k.RefusedShare, 4));
    }

    internal sealed record MissJson(int Line, string Kind, string Question, string? Expected, IReadOnlyList<string> Both, string Verdict, IReadOnlyList<string> Shown, string? Top, double Score);
}
