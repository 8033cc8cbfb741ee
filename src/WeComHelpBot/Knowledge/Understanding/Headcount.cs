using System.Text.RegularExpressions;

namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// How many people a short message asks about when it asks for more than the last answer allows (再多呢, 超过一千人的呢,
/// 我们三千多人呢, 几万人的话呢), and how many people a line of an answer allows (每次最多 1000 人, 没有单次限制).
/// </summary>
public static partial class Headcount
{
    /// <summary>A message that asks for more, but names no number (再多呢, 人更多呢, 超了咋办).</summary>
    public const int MoreThanBefore = 0;

    /// <summary>What a line allows when it says there is no limit (没有单次限制, 不限人数).</summary>
    public const int Unlimited = int.MaxValue;

    private static readonly string[] MoreCues = ["再多", "更多", "人多", "多了", "超过", "超出", "超了", "不够", "装不下", "放不下"];

    // 上千 / 几千 / 上万 / 几万 say "more than a thousand / ten thousand" without a number.
    private static readonly (string Cue, int Count)[] Vague = [("上千", 1001), ("几千", 2000), ("上万", 10001), ("几万", 20000)];

    /// <summary>
    /// The number of people <paramref name="message"/> asks about when it asks for more (超过一千人 → 1001, 三千多人 → 3000,
    /// 上千人 → 1001); <see cref="MoreThanBefore"/> when it asks for more without a number (再多呢); null when it does not
    /// ask for more people at all.
    /// </summary>
    public static int? Asked(string message)
    {
        var over = message.Contains("超过", StringComparison.Ordinal) || message.Contains("超出", StringComparison.Ordinal) ? 1 : 0;
        var match = Count().Match(message);
        if (match.Success && Value(match.Groups[1].Value, match.Groups[2].Value) is { } count && count >= 100)
        {
            return count + over;
        }

        foreach (var (cue, vague) in Vague)
        {
            if (message.Contains(cue, StringComparison.Ordinal))
            {
                return vague;
            }
        }

        return MoreCues.Any(c => message.Contains(c, StringComparison.Ordinal)) ? MoreThanBefore : null;
    }

    /// <summary>How many people an answer's line allows (每次最多 50 人 → 50, 没有单次限制 → <see cref="Unlimited"/>); null when it says neither.</summary>
    public static int? Allowed(string line)
    {
        if (NoLimit().IsMatch(line))
        {
            return Unlimited;
        }

        var match = PerLine().Match(line);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static int? Value(string digits, string unit)
    {
        int number;
        if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }
        else
        {
            var at = "一二两三四五六七八九".IndexOf(digits[0], StringComparison.Ordinal);
            if (digits.Length != 1 || at < 0)
            {
                return null;
            }

            number = at < 2 ? at + 1 : at;
        }

        return unit switch
        {
            "百" => number * 100,
            "千" => number * 1000,
            "万" => number * 10000,
            _ => number,
        };
    }

    // 3000 人, 三千多人, 一万人, 一千个人: a count of people, digits or one Chinese digit with its unit.
    [GeneratedRegex(@"(\d+|[一二两三四五六七八九])\s*([百千万]?)\s*多?\s*(?:个|号)?\s*人")]
    private static partial Regex Count();

    [GeneratedRegex(@"(\d+)\s*人")]
    private static partial Regex PerLine();

    [GeneratedRegex(@"(?:没有|没|无|不)[^，,；;。]{0,4}限")]
    private static partial Regex NoLimit();
}
