using System.Text.RegularExpressions;

namespace WeComHelpBot.Knowledge;

/// <summary>Recognises a pick among numbered choices: "2", "２", "第二个", "选3", or the choice's title itself.</summary>
public static partial class ChoicePicker
{
    private const string ChineseDigits = "一二三四五六七八九十";

    public static ChoicePick Pick(string text, IReadOnlyList<string> titles)
    {
        var trimmed = text.Trim().TrimEnd('。', '.', '!', '！', '?', '？', ' ');
        var match = OrdinalPattern().Match(trimmed.Normalize(System.Text.NormalizationForm.FormKC));
        if (match.Success)
        {
            var number = ParseNumber(match.Groups["n"].Value);
            return number >= 1 && number <= titles.Count ? new ChoicePick(number - 1, false) : new ChoicePick(-1, true);
        }

        for (var i = 0; i < titles.Count; i++)
        {
            var title = titles[i].TrimEnd('?', '？');
            if (trimmed.Equals(title, StringComparison.OrdinalIgnoreCase))
            {
                return new ChoicePick(i, false);
            }
        }

        return ChoicePick.None;
    }

    private static int ParseNumber(string value)
    {
        if (int.TryParse(value, out var number))
        {
            return number;
        }

        return value == "两" ? 2 : ChineseDigits.IndexOf(value, StringComparison.Ordinal) + 1;
    }

    [GeneratedRegex(@"^(?:我?选|我?要|就)?\s*第?\s*(?<n>\d{1,2}|[一二三四五六七八九十两])\s*(?:个|条|项|号|种|吧)?$")]
    private static partial Regex OrdinalPattern();
}
