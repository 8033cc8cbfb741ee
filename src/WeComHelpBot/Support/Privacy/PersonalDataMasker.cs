using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WeComHelpBot.Support.Privacy;

/// <summary>
/// Masks personal numbers in free text before it is stored: Chinese mobile numbers (also with +86 or 0086), resident
/// ID numbers (18 and 15 digits), bank card and account numbers (12–25 digits) and 统一社会信用代码, also mistyped ones
/// (a letter O for 0, a character too many). Each may be typed in groups: "138 0013 8000", "440301 19900101 1234",
/// "9144-0300-MA5F-T8Q7-KL", with one or two spaces (full-width too) or one dash between groups (<see cref="IsSeparator"/>).
/// A few leading and trailing characters stay so support can tell numbers apart: 138****5678.
/// </summary>
public sealed partial class PersonalDataMasker
{
    private const char MaskChar = '*';

    /// <summary>Masks every personal number in <paramref name="text"/>; null stays null.</summary>
    public string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = MaskGroupedCodes(text);
        masked = CreditCodePattern().Replace(masked, m => Keep(m.Value, 4, 2));
        masked = MistypedCodePattern().Replace(masked, m => Keep(m.Value, 4, 2));
        return DigitRunPattern().Replace(masked, MaskDigitRun);
    }

    /// <summary>Masks a value known to be a phone number (any format), e.g. for a log line about a ticket.</summary>
    public string MaskPhone(string phone)
    {
        var digits = DigitsOf(phone);
        return digits.Length >= 7 ? Keep(digits, 3, 4) : new string(MaskChar, digits.Length);
    }

    /// <summary>
    /// What may stand between two groups of a number: one or two spaces (any width, or a tab) or one dash of any kind.
    /// " - " is not one: it joins ranges ("2025-05-18 - 2025-05-20"), not the groups of a number.
    /// </summary>
    internal static bool IsSeparator(ReadOnlySpan<char> gap) =>
        gap.Length == 1 && Dashes.Contains(gap[0])
        || (gap.Length is 1 or 2 && IsSpace(gap[0]) && IsSpace(gap[^1]));

    private const string Dashes = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D";

    private static bool IsSpace(char c) => c == '\t' || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    private static string MaskGroupedCodes(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var (start, length, code) in GroupedCodeFinder.Find(text))
        {
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied).Append(Keep(code, 4, 2));
            copied = start + length;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static string MaskDigitRun(Match match)
    {
        var raw = match.Value;
        var body = DigitsOf(raw, keepX: true);
        var prefix = match.Groups["cc"].Success ? "+86 " : string.Empty;
        if (match.Groups["cc"].Success)
        {
            body = body[DigitsOf(match.Groups["cc"].Value).Length..];
        }

        if (body.Length == 11 && IsMobile(body))
        {
            return prefix + Keep(body, 3, 4);
        }

        if (match.Groups["cc"].Success)
        {
            // "+86" or "86" in front of something that is not a mobile number: treat the whole run as a number.
            body = DigitsOf(raw, keepX: true);
            prefix = string.Empty;
        }

        var isIdLike = body.Length == 18 && char.IsDigit(body[0]) && body[..17].All(char.IsDigit);
        if (isIdLike || body.Length == 15)
        {
            return prefix + Keep(body, 3, 3);
        }

        if (body.Length is >= 12 and <= 25 && body.All(char.IsDigit))
        {
            return prefix + Keep(body, 4, 4);
        }

        return raw;
    }

    private static bool IsMobile(string digits) => digits[0] == '1' && digits[1] is >= '3' and <= '9';

    private static string DigitsOf(string value, bool keepX = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsDigit(c))
            {
                // Full-width digits count as digits; store them as ASCII.
                builder.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (keepX && c is 'X' or 'x')
            {
                builder.Append('X');
            }
        }

        return builder.ToString();
    }

    private static string Keep(string value, int head, int tail)
    {
        if (value.Length <= head + tail)
        {
            return new string(MaskChar, value.Length);
        }

        return string.Concat(value.AsSpan(0, head), new string(MaskChar, value.Length - head - tail), value.AsSpan(value.Length - tail));
    }

    // IsSeparator as a pattern: one or two spaces, or one dash.
    private const string Separator = @"(?:[\p{Zs}\t]{1,2}|[\-\u2010-\u2015\u2212\uFE63\uFF0D])";

    // A run of digits, optionally split into groups (138 1234 5678, 6222-0200-…, 440301　19900101　1234) by separators
    // as IsSeparator describes them, with an optional +86 / 0086 / 86 country code, an optional trailing X (ID numbers),
    // and no letter or digit right before or after it. Up to 25 digits: some corporate accounts are that long.
    [GeneratedRegex(@"(?<![A-Za-z\p{Nd}_])(?:(?<cc>[+＋]\s?86|(?<![\p{Nd}])(?:00)?86(?=" + Separator + @"?1[3-9]))" + Separator + @"?)?\p{Nd}(?:" + Separator + @"?\p{Nd}){6,24}(?:" + Separator + @"?[Xx])?(?![\p{Nd}A-Za-z_])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    // 统一社会信用代码: 18 characters from the GB 32100 alphabet (no I, O, Z, S, V), digits 3–8 the region code,
    // and at least one letter (all-digit runs, and 17 digits + X, are handled as ID or account numbers).
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?![0-9]{17}[Xx])(?=[0-9]*[A-HJ-NPQRTUWXY])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CreditCodePattern();

    // A code typed with mistakes (O for 0, one character too many or too few) is still someone's code: any run of 15–20
    // letters and digits with at least 10 digits and a letter. 17 digits + X is left to the ID number rule.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?![0-9]{17}[Xx](?![A-Za-z0-9]))(?=(?:[A-Za-z]*[0-9]){10})(?=[0-9]*[A-Za-z])[0-9A-Za-z]{15,20}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MistypedCodePattern();
}
