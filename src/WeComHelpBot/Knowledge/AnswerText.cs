using System.Text.RegularExpressions;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// The reply text of an entry. Answers that give a number for a fee, limit or time (300元, 200 人, 1–3 个工作日,
/// 24 小时) end with a note that official rules win and when the entry was last checked; answers without a number
/// stay short.
/// </summary>
public static partial class AnswerText
{
    public static string For(KnowledgeEntry entry) =>
        NeedsFreshnessNote(entry.Answer)
            ? $"{entry.Answer.TrimEnd()}\n{KnowledgeTexts.FreshnessNote(entry.Reviewed)}"
            : entry.Answer.TrimEnd();

    /// <summary>The entry's reply in English (its en: answer, with the English freshness note) or in Chinese.</summary>
    public static string For(KnowledgeEntry entry, bool english) =>
        !english || entry.English is not { } en ? For(entry)
        : NeedsFreshnessNote(entry.Answer) ? $"{en.Answer.TrimEnd()}\n{KnowledgeTexts.EnglishFreshnessNote(entry.Reviewed)}"
        : en.Answer.TrimEnd();

    /// <summary>
    /// Two entries side by side, for a question that compares them: each under its title, shortened to its first lines
    /// (<see cref="Short"/>) so the reply stays about as long as one answer.
    /// </summary>
    public static string SideBySide(IReadOnlyList<KnowledgeEntry> entries, bool english = false)
    {
        var intro = english ? KnowledgeTexts.EnglishComparisonIntro : KnowledgeTexts.ComparisonIntro;
        var parts = entries.Select(e => $"【{(english && e.English is { } en ? en.Title : e.Title)}】\n{Short(e, english)}");
        var text = intro + "\n" + string.Join("\n\n", parts);

        // One note for the whole reply, dated by the oldest entry that states a fee, limit or time.
        var dated = entries.Where(e => NeedsFreshnessNote(e.Answer)).Select(e => e.Reviewed).DefaultIfEmpty().Min();
        return entries.Any(e => NeedsFreshnessNote(e.Answer))
            ? $"{text}\n{(english ? KnowledgeTexts.EnglishFreshnessNote(dated) : KnowledgeTexts.FreshnessNote(dated))}"
            : text;
    }

    /// <summary>
    /// The head of an entry's answer: its lines from the top while they stay within <see cref="ShortLength"/> characters
    /// (always the first line), without the freshness note. Answers are written with the gist first (the fee, the time, who
    /// it suits), and the rest (what to do when it fails, other options) is there when the entry is asked about alone.
    /// </summary>
    public static string Short(KnowledgeEntry entry, bool english = false)
    {
        var answer = english && entry.English is { } en ? en.Answer : entry.Answer;
        var lines = answer.Trim().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var kept = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (kept.Count > 0 && length + line.Length > (english ? ShortLength * 3 : ShortLength))
            {
                break;
            }

            kept.Add(line);
            length += line.Length;
        }

        return kept.Count < lines.Count ? string.Join("\n", kept) + (english ? " …" : "……") : string.Join("\n", kept);
    }

    /// <summary>About two short sentences of Chinese; English takes about three times the characters.</summary>
    public const int ShortLength = 90;

    /// <summary>True when the text gives a number with a unit of money, people or time.</summary>
    public static bool NeedsFreshnessNote(string answer) => FactPattern().IsMatch(answer);

    [GeneratedRegex(@"\d\s*(?:[-–—~～至到]\s*\d+\s*)?(?:元|块钱|个?人|名|位|个?成员|个?工作日|个?小时|天|分钟|个?月|年)")]
    private static partial Regex FactPattern();
}
