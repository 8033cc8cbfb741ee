using System.Globalization;

namespace WeComHelpBot.Validation;

/// <summary>
/// Checks an 18-digit 居民身份证号码 against GB 11643-1999: digits with an optional final X, a known
/// province code, a birth date that exists and is not in the future, and the ISO 7064 MOD 11-2 check digit.
/// </summary>
public static class ResidentIdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83", "91",
    ];

    public static CodeCheckResult Check(string? input, DateOnly today)
    {
        var id = CodeText.Normalize(input);
        var problems = new List<string>();
        if (id.Length == 0)
        {
            problems.Add("没有收到身份证号。请输入法定代表人身份证上的 18 位号码。");
            return new CodeCheckResult(id, problems);
        }

        if (id.Length != Length)
        {
            problems.Add(id.Length == 15
                ? "这是 15 位的老身份证号。企业微信校验要用 18 位新号码，请换成第二代身份证上的号码。"
                : $"长度是 {id.Length} 位，身份证号应为 {Length} 位。");
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var allowed = char.IsAsciiDigit(c) || (c == 'X' && i == Length - 1);
            if (!allowed)
            {
                problems.Add(c == 'X'
                    ? $"{CodeText.Position(i, c)}：X 只会出现在最后一位。"
                    : $"{CodeText.Position(i, c)}不是数字：身份证号前 17 位都是数字，最后一位是数字或 X。");
            }
        }

        if (problems.Count > 0)
        {
            return new CodeCheckResult(id, problems);
        }

        if (!Provinces.Contains(id[..2]))
        {
            problems.Add($"前两位“{id[..2]}”不是省级行政区划代码，请核对号码开头。");
        }

        var birth = id.Substring(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            problems.Add($"第 7–14 位是出生日期，“{birth}”不是一个存在的日期。");
        }
        else if (birthDate > today || birthDate.Year < 1900)
        {
            problems.Add($"第 7–14 位的出生日期 {birthDate:yyyy-MM-dd} 不可能是真实的出生日期。");
        }

        var expected = CheckDigit(id.AsSpan(0, Length - 1));
        if (id[Length - 1] != expected)
        {
            problems.Add($"最后一位校验码算出来应是“{expected}”，您输入的是“{id[Length - 1]}”：前 17 位里有数字输错或顺序颠倒了。");
        }

        return new CodeCheckResult(id, problems);
    }

    /// <summary>The check digit for the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckDigits[sum % 11];
    }
}
