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

    /// <summary>Two (or more) entries side by side, for a question that compares them: each under its title, answer as written.</summary>
    public static string SideBySide(IReadOnlyList<KnowledgeEntry> entries, bool english = false) =>
        (english ? KnowledgeTexts.EnglishComparisonIntro : KnowledgeTexts.ComparisonIntro) + "\n"
        + string.Join("\n\n", entries.Select(e => $"【{(english && e.English is { } en ? en.Title : e.Title)}】\n{For(e, english)}"));

    /// <summary>True when the text gives a number with a unit of money, people or time.</summary>
    public static bool NeedsFreshnessNote(string answer) => FactPattern().IsMatch(answer);

    [GeneratedRegex(@"\d\s*(?:[-–—~～至到]\s*\d+\s*)?(?:元|块钱|个?人|名|位|个?成员|个?工作日|个?小时|天|分钟|个?月|年)")]
    private static partial Regex FactPattern();
}
