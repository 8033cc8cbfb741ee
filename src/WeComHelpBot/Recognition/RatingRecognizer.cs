using System.Text.RegularExpressions;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Reads a 1–5 satisfaction rating the way people give one: "5", "５", "五星", "5分", "打4分", "给五星好评", "非常满意",
/// "还行", "不太满意"; text after the rating ("4分，回答挺快") is its reason. "不用" / "不评了" / "跳过" decline.
/// </summary>
public static partial class RatingRecognizer
{
    private const string ChineseDigits = "一二三四五六七八九十";

    private static readonly HashSet<string> Declines =
    [
        "不用", "不用了", "不评", "不评了", "不评价", "不想评", "不想评价", "不打分", "不想打分", "跳过", "算了", "不了", "下次吧", "下次", "不需要", "no",
    ];

    // Longest first, negatives before the words they contain ("不满意" before "满意").
    private static readonly (string Words, int Rating)[] Phrases =
    [
        ("非常不满意", 1), ("很不满意", 1), ("特别不满意", 1), ("太差了", 1), ("太差", 1), ("很差", 1), ("差评", 1), ("垃圾", 1),
        ("不太满意", 2), ("不怎么满意", 2), ("不满意", 2), ("不太好", 2), ("不好", 2),
        ("还行", 3), ("还可以", 3), ("一般般", 3), ("一般", 3), ("凑合", 3), ("马马虎虎", 3), ("中评", 3),
        ("非常满意", 5), ("很满意", 5), ("特别满意", 5), ("超级满意", 5), ("十分满意", 5), ("太棒了", 5), ("五星好评", 5), ("好评", 5), ("完美", 5),
        ("比较满意", 4), ("挺满意", 4), ("满意", 4), ("挺好", 4), ("不错", 4), ("很好", 4), ("还不错", 4),
    ];

    public static RatingReply Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RatingReply.None;
        }

        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var normalized = TextNormalizer.Normalize(folded);
        if (Declines.Contains(normalized) || Declines.Contains(TextNormalizer.TrimParticles(normalized)))
        {
            return RatingReply.Decline;
        }

        var number = NumberPattern().Match(folded);
        if (number.Success)
        {
            var rest = Reason(number.Groups["rest"].Value);
            if (rest is not null && Phrases.Any(p => p.Words == rest))
            {
                rest = null; // A button such as "5 非常满意": the words restate the number.
            }

            var hasUnit = number.Groups["unit"].Success;
            var separated = rest is null || hasUnit || StartsWithSeparator(number.Groups["rest"].Value);
            if (separated && (rest is null || !QuestionDetector.LooksLikeQuestion(rest)))
            {
                var value = ParseNumber(number.Groups["n"].Value);
                return value is >= 1 and <= 5 ? new RatingReply(value, rest) : new RatingReply((int?)null, OutOfRange: true);
            }
        }

        var lead = LeadPattern().Replace(folded, string.Empty);
        foreach (var (words, rating) in Phrases)
        {
            if (lead.StartsWith(words, StringComparison.Ordinal))
            {
                var rest = Reason(lead[words.Length..]);
                return rest is not null && QuestionDetector.LooksLikeQuestion(rest) ? RatingReply.None : new RatingReply(rating, rest);
            }
        }

        return RatingReply.None;
    }

    private static string? Reason(string rest)
    {
        var trimmed = rest.Trim().TrimStart('，', ',', '。', '.', '！', '!', '；', ';', '：', ':', '、', ' ', '~', '～', '-', '—');
        trimmed = trimmed.TrimEnd('。', '.', '！', '!', ' ');
        var normalized = TextNormalizer.TrimParticles(TextNormalizer.Normalize(trimmed));
        return normalized.Length == 0 || normalized is "吧" or "了" or "啊" or "呀" or "哈" or "的" ? null : trimmed;
    }

    private static bool StartsWithSeparator(string rest) =>
        rest.Length > 0 && (char.IsWhiteSpace(rest[0]) || char.IsPunctuation(rest[0]) || TextNormalizer.TrimParticles(TextNormalizer.Normalize(rest)) is "吧" or "了" or "啊" or "呀" or "哈" or "的");

    private static int ParseNumber(string value) =>
        int.TryParse(value, out var number) ? number : value == "两" ? 2 : ChineseDigits.IndexOf(value, StringComparison.Ordinal) + 1;

    [GeneratedRegex(@"^(?:我)?(?:就)?(?:打|给|评|选)?\s*(?<n>\d{1,2}|[一二三四五六七八九十两])\s*(?<unit>分|星|颗星|个星)?(?:好评)?(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:我觉得|感觉|总体|总的来说|嗯+|还是)?[，,\s]*")]
    private static partial Regex LeadPattern();
}
