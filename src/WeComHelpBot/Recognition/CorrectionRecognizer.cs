using System.Text.RegularExpressions;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Recognizes a change of an earlier answer: "我改主意了", "刚才选错了", "刚才法人微信那个选错了，其实有",
/// "不对，应该是对公打款", "改成不急". The new answer is what follows the marker (其实/应该是/改成/换成…); the words
/// before it name the answer being changed. A plain answer ("我选第二个", "应该是上周五") is not a correction.
/// </summary>
public static partial class CorrectionRecognizer
{
    private static readonly string[] ChangeVerbs = ["改成", "换成", "改为", "改选"];

    private static readonly string[] ErrorMarkers =
    [
        "改主意了", "改主意", "选错了", "说错了", "填错了", "答错了", "点错了", "搞错了", "弄错了", "写错了", "选的不对", "说的不对", "想改一下",
        "想改答案", "要改一下", "改一下",
    ];

    private static readonly string[] AnswerLeads = ["其实是", "实际上是", "应该是", "应该选", "其实", "应该", "我选", "选", "是"];

    public static Correction? Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length is 0 or > 60)
        {
            return null;
        }

        foreach (var verb in ChangeVerbs)
        {
            var at = normalized.IndexOf(verb, StringComparison.Ordinal);
            if (at >= 0 && Clean(normalized[(at + verb.Length)..]) is { } changed)
            {
                return new Correction(changed, About(normalized[..at]));
            }
        }

        var startsWrong = normalized.StartsWith("不对", StringComparison.Ordinal) || normalized.StartsWith("错了", StringComparison.Ordinal);
        var marker = startsWrong ? normalized[..2] : ErrorMarkers.FirstOrDefault(m => normalized.Contains(m, StringComparison.Ordinal));
        if (marker is null)
        {
            return null;
        }

        var markerAt = startsWrong ? 0 : normalized.IndexOf(marker, StringComparison.Ordinal);
        var rest = normalized[(markerAt + marker.Length)..];
        foreach (var lead in AnswerLeads)
        {
            var at = rest.IndexOf(lead, StringComparison.Ordinal);
            if (at >= 0 && at <= 2)
            {
                rest = rest[(at + lead.Length)..];
                break;
            }
        }

        // "不对" alone is a no, not a correction.
        var answer = Clean(rest);
        if (startsWrong && answer is null)
        {
            return null;
        }

        return new Correction(answer, About(normalized[..markerAt]));
    }

    private static string? About(string before) => Clean(LeadingFiller().Replace(before, string.Empty));

    private static string? Clean(string value)
    {
        var cleaned = TextNormalizer.TrimParticles(value.Trim());
        return cleaned.Length == 0 || cleaned is "了" or "的" or "吧" ? null : cleaned;
    }

    [GeneratedRegex(@"^(?:刚才|刚刚|之前|前面|上面|我|的)+")]
    private static partial Regex LeadingFiller();
}
