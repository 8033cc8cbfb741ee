using System.Text.RegularExpressions;
using WeComHelpBot.Recognition;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Images;

/// <summary>
/// Tells from the OCR text what an image shows: a business licence (its title, the words 统一社会信用代码, or an
/// 18-character code), a member list (several mobile numbers, or the 姓名/手机 headers), or other text.
/// </summary>
public static partial class ImageTextClassifier
{
    /// <summary>Mobile numbers that make a picture a list of people rather than a screenshot mentioning one.</summary>
    private const int MemberListPhones = 3;

    public static ImageReading Classify(string text)
    {
        if (text.Length == 0)
        {
            return new ImageReading(ImageKind.NoText, text);
        }

        var compact = Compact(text);
        if (LooksLikeMemberList(text, compact))
        {
            return new ImageReading(ImageKind.MemberList, text);
        }

        var code = FindCode(text);
        var repaired = code is null ? null : CreditCodeRepair.Repair(code);
        var saysLicence = compact.Contains("营业执照", StringComparison.Ordinal) || compact.Contains("信用代码", StringComparison.Ordinal);
        if (saysLicence || repaired is not null)
        {
            var licence = new LicenceReading(code, repaired?.Code, repaired?.Changed ?? [], FindCompanyName(text));
            return new ImageReading(ImageKind.Licence, text, licence);
        }

        return new ImageReading(ImageKind.Text, text);
    }

    /// <summary>The 18-character run on the line that names the code, else the first 18-character run anywhere.</summary>
    internal static string? FindCode(string text)
    {
        var lines = text.Split('\n');
        var ordered = lines.Where(l => Compact(l).Contains("代码", StringComparison.Ordinal)).Concat(lines);
        foreach (var line in ordered)
        {
            var normalized = CodeText.Normalize(line);
            foreach (Match match in CodeRun().Matches(normalized))
            {
                if (match.Value.Length == UnifiedSocialCreditCode.Length && match.Value.Any(char.IsAsciiDigit))
                {
                    return match.Value;
                }
            }
        }

        return null;
    }

    /// <summary>What follows 名称 on its line, else the longest company-like name anywhere.</summary>
    internal static string? FindCompanyName(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var compact = Compact(line);
            var at = compact.IndexOf("名称", StringComparison.Ordinal);
            if (at >= 0)
            {
                var name = compact[(at + 2)..].TrimStart(':', '：', '.', '|').Trim();
                if (name.Length >= 2)
                {
                    return name;
                }
            }
        }

        return text.Split('\n').Select(l => CompanyNameRecognizer.Named(Compact(l))).Where(n => n is not null).MaxBy(n => n!.Length);
    }

    private static bool LooksLikeMemberList(string text, string compact) =>
        MobilePhone().Matches(text.Replace(" ", string.Empty, StringComparison.Ordinal)).Count >= MemberListPhones
        || (compact.Contains("姓名", StringComparison.Ordinal) && (compact.Contains("手机", StringComparison.Ordinal) || compact.Contains("部门", StringComparison.Ordinal)));

    private static string Compact(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex(@"[0-9A-Z]{17,19}")]
    private static partial Regex CodeRun();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobilePhone();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
