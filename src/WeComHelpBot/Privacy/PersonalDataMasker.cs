using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Masks personal data in free text before it is stored or logged: Chinese mobile numbers (also with +86 or 0086),
/// resident ID numbers (18 and 15 digits), bank card and account numbers (12–25 digits), 统一社会信用代码 (also
/// mistyped: a letter O for 0, a character too many), e-mail addresses and passport numbers. Numbers are found in
/// groups ("138 0013 8000", "440301 19900101 1234", "9144-0300-MA5F-T8Q7-KL": one or two spaces or one dash, see
/// <see cref="IsSeparator"/>; "139.1234.5678", "6222/0202/…", "139，1234，5678": see <see cref="SplitNumberFinder"/>),
/// glued to letters ("wx_13912345678", "No6217…"), and read out in Chinese numerals ("一三九一二三四五六七八", 幺 for 1).
/// Dates, times, amounts and counts stay readable. A few leading and trailing characters stay so support can tell
/// values apart: 138****5678, z***@qq.com, E******78.
/// </summary>
public sealed partial class PersonalDataMasker
{
    private const char MaskChar = '*';

    /// <summary>Masks all personal data in <paramref name="text"/> that this class knows; null stays null.</summary>
    public string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Whole tokens first (an e-mail's digits are not a phone of their own), then codes with letters, then numbers.
        // Every pass is skipped when the text cannot hold what it looks for: most lines have no @ and few digits, and
        // every line of every turn comes through here.
        var masked = text.AsSpan().IndexOfAny('@', '＠') >= 0 ? EmailPattern().Replace(text, MaskEmail) : text;
        if (MentionsPassport(masked))
        {
            masked = PassportAfterKeywordPattern().Replace(masked, m => Keep(m.Value.ToUpperInvariant(), 1, 2));
        }

        // The digits a pass needs at least: a credit code's region has 6, a passport 7, a mobile 11 (IDs and accounts more).
        var digits = CountDigits(masked);
        if (digits < 6)
        {
            return masked;
        }

        masked = MaskSpans(masked, GroupedCodeFinder.Find(masked), code => Keep(code, 4, 2));
        masked = CreditCodePattern().Replace(masked, m => Keep(m.Value, 4, 2));
        masked = MistypedCodePattern().Replace(masked, m => Keep(m.Value, 4, 2));
        if (digits >= 7)
        {
            masked = ChinesePassportPattern().Replace(masked, m => Keep(m.Value.ToUpperInvariant(), 1, 2));
        }

        if (digits < 11)
        {
            return masked;
        }

        masked = MaskSpans(masked, SplitNumberFinder.Find(masked), number => MaskNumber(number) ?? number);
        if (HasAdjacentNumerals(masked))
        {
            masked = ChineseNumeralRunPattern().Replace(masked, MaskChineseNumeralRun);
        }

        if (masked.AsSpan().ContainsAnyInRange('A', 'Z') || masked.AsSpan().ContainsAnyInRange('a', 'z'))
        {
            var glued = masked;
            masked = GluedDigitRunPattern().Replace(masked, m => MaskGluedDigitRun(glued, m));
        }

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

    private static bool MentionsPassport(string text) =>
        text.Contains("护照", StringComparison.Ordinal) || text.Contains("通行证", StringComparison.Ordinal)
        || text.Contains("passport", StringComparison.OrdinalIgnoreCase);

    /// <summary>Decimal digits (any width) and Chinese numerals read as digits.</summary>
    private static int CountDigits(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c) || ChineseNumerals.Contains(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A Chinese numeral with another numeral or a digit right after it (a space between allowed), or a digit right before
    /// it: "一三", "九 1", "5678八". Text
    /// has many a lone 一 (一般, 一下), and the numeral pass is only worth running where numerals follow each other.
    /// </summary>
    private static bool HasAdjacentNumerals(string text)
    {
        var at = text.AsSpan().IndexOfAny(ChineseNumerals);
        while (at >= 0)
        {
            var next = at + 1;
            if (next < text.Length - 1 && char.GetUnicodeCategory(text[next]) == UnicodeCategory.SpaceSeparator)
            {
                next++;
            }

            if ((next < text.Length && (ChineseNumerals.Contains(text[next]) || char.IsDigit(text[next]))) || (at > 0 && char.IsDigit(text[at - 1])))
            {
                return true;
            }

            var found = text.AsSpan(at + 1).IndexOfAny(ChineseNumerals);
            at = found < 0 ? -1 : at + 1 + found;
        }

        return false;
    }

    private static string MaskSpans(string text, IEnumerable<(int Start, int Length, string Value)> spans, Func<string, string> mask)
    {
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var (start, length, value) in spans)
        {
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied).Append(mask(value));
            copied = start + length;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static string MaskDigitRun(Match match)
    {
        var raw = match.Value;
        if (match.Groups["cc"].Success)
        {
            var body = DigitsOf(raw, keepX: true)[DigitsOf(match.Groups["cc"].Value).Length..];
            if (body.Length == 11 && IsMobile(body))
            {
                return "+86 " + Keep(body, 3, 4);
            }

            // "+86" or "86" in front of something that is not a mobile number: the whole run is the number.
        }

        return MaskNumber(DigitsOf(raw, keepX: true)) ?? raw;
    }

    /// <summary>
    /// <paramref name="number"/> (ASCII digits, an ID's X) masked as a mobile, ID or account number, or null when it is
    /// none of them. Accounts have <paramref name="minAccountDigits"/> to 25 digits.
    /// </summary>
    private static string? MaskNumber(string number, int minAccountDigits = 12)
    {
        if (number.Length == 11 && IsMobile(number))
        {
            return Keep(number, 3, 4);
        }

        var isIdLike = number.Length == 18 && char.IsDigit(number[0]) && number[..17].All(char.IsDigit);
        if (isIdLike || number.Length == 15)
        {
            return Keep(number, 3, 3);
        }

        return number.Length >= minAccountDigits && number.Length <= 25 && number.All(char.IsDigit) ? Keep(number, 4, 4) : null;
    }

    private static bool IsMobile(string digits) => digits[0] == '1' && digits[1] is >= '3' and <= '9';

    /// <summary>The first character of the mailbox stays, and the domain (a company's, or qq.com): z***@qq.com.</summary>
    private static string MaskEmail(Match match)
    {
        var domain = match.Groups["domain"].Value;
        var topLevel = domain[(domain.LastIndexOf('.') + 1)..];
        if (topLevel.Length < 2 || !topLevel.All(char.IsAsciiLetter))
        {
            return match.Value;
        }

        return string.Concat(match.Groups["local"].Value.AsSpan(0, 1), "***", match.Groups["at"].Value, domain);
    }

    /// <summary>"一三九一二三四五六七八", "幺三八 幺二三四 五六七八", "139一二三四5678": read as digits, masked as the number they spell.</summary>
    private static string MaskChineseNumeralRun(Match match)
    {
        var raw = match.Value;
        if (raw.AsSpan().IndexOfAny(ChineseNumerals) < 0)
        {
            return raw;
        }

        var digits = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var numeral = ChineseNumeralDigits.IndexOf(c);
            if (numeral >= 0)
            {
                digits.Append(ChineseNumeralValues[numeral]);
            }
            else if (char.IsDigit(c))
            {
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (c is 'X' or 'x')
            {
                digits.Append('X');
            }
        }

        return MaskNumber(digits.ToString()) ?? raw;
    }

    /// <summary>
    /// A number glued to letters ("wx_13912345678", "No6217000010001234567", "tel13812345678", "13912345678wx") is masked
    /// when it is a mobile, an ID or a card or account of 16+ digits; shorter glued numbers are codes ("T20261125-0001").
    /// Numbers with no letter beside them are left to the digit rules.
    /// </summary>
    private static string MaskGluedDigitRun(string text, Match match)
    {
        var before = match.Index - 1;
        if (before >= 0 && GlueMarks.Contains(text[before]))
        {
            before--;
        }

        var after = match.Index + match.Length;
        if (after < text.Length && text[after] == '_')
        {
            after++;
        }

        var glued = (before >= 0 && char.IsAsciiLetter(text[before])) || (after < text.Length && char.IsAsciiLetter(text[after]));
        return glued ? MaskNumber(DigitsOf(match.Value, keepX: true), minAccountDigits: 16) ?? match.Value : match.Value;
    }

    private const string GlueMarks = "_:#.-";

    private const string ChineseNumeralDigits = "〇零一幺二三四五六七八九";
    private static readonly SearchValues<char> ChineseNumerals = SearchValues.Create(ChineseNumeralDigits);
    private const string ChineseNumeralValues = "001123456789";

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

    // A run of Chinese numerals read digit by digit (no 十/百: those are amounts), mixed with digits, grouped like a number.
    [GeneratedRegex(@"[〇零一幺二三四五六七八九\p{Nd}](?<![〇零一幺二三四五六七八九\p{Nd}].)(?:" + Separator + @"?[〇零一幺二三四五六七八九\p{Nd}]){6,24}(?:" + Separator + @"?[Xx])?(?![〇零一幺二三四五六七八九\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseNumeralRunPattern();

    // A digit run as DigitRunPattern sees it, but with letters allowed on either side (MaskGluedDigitRun decides).
    [GeneratedRegex(@"\p{Nd}(?<!\p{Nd}.)(?:" + Separator + @"?\p{Nd}){10,24}(?:[Xx](?![A-Za-z]))?(?!\p{Nd})", RegexOptions.CultureInvariant)]
    private static partial Regex GluedDigitRunPattern();

    // A mailbox: the local part starts where no mailbox character stands before it, so the engine never rescans a run.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])(?<local>[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63})(?<at>[@＠])(?<domain>[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8})", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Chinese passports: E or G and 8 digits; e-passports since the E numbers ran out: E, a letter (no I or O) and 7 digits.
    // Here and below the first character comes before the lookbehind about what precedes it: the engine then searches
    // for that character instead of trying the lookbehind at every position (every line of every turn is masked).
    [GeneratedRegex(@"[EeGg](?<![A-Za-z0-9].)(?:[0-9]{8}|(?<=[Ee])[A-HJ-NP-Za-hj-np-z][0-9]{7})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex ChinesePassportPattern();

    // Other passports (6–9 letters and digits, 5+ digits: US 9 digits, JP TK1234567, DE C01X00T47) only right after
    // 护照/通行证/passport and a few filler words. A lookbehind, so a word after the keyword ("passport photo") is not
    // taken and does not hide the number after it.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<=(?:护照|通行证|(?<![A-Za-z])passport)(?:[\s:：#号码是为]|No\.?|number){0,6})(?=(?:[A-Za-z]*[0-9]){5})[A-Za-z0-9]{6,9}(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PassportAfterKeywordPattern();

    // 统一社会信用代码: 18 characters from the GB 32100 alphabet (no I, O, Z, S, V), digits 3–8 the region code,
    // and at least one letter (all-digit runs, and 17 digits + X, are handled as ID or account numbers).
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?![0-9]{17}[Xx])(?=[0-9]*[A-HJ-NPQRTUWXY])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CreditCodePattern();

    // A code typed with mistakes (O for 0, one character too many or too few) is still someone's code: any run of 15–20
    // letters and digits with at least 10 digits and a letter. 17 digits + X is left to the ID number rule.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?![0-9]{17}[Xx](?![A-Za-z0-9]))(?=(?:[A-Za-z]*[0-9]){10})(?=[0-9]*[A-Za-z])[0-9A-Za-z]{15,20}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MistypedCodePattern();
}
