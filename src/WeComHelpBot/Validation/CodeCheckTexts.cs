using WeComHelpBot.Recognition;

namespace WeComHelpBot.Validation;

/// <summary>What the code checks in flows say (zh-CN), and how a user says "skip this check".</summary>
internal static class CodeCheckTexts
{
    /// <summary>At most this many problems are listed; a code typed from memory can have many.</summary>
    public const int MaxProblemsShown = 4;

    private static readonly string[] SkipWords = ["跳过", "不查", "不核对", "算了", "不用", "先不", "以后再说", "下次", "没带", "不方便", "不想"];

    public const string CreditCodeSkipped = "好的，先不核对代码，接着往下看。";

    public const string ResidentIdSkipped = "好的，不核对身份证号了。";

    public const string NoCreditCode =
        "没看到代码。统一社会信用代码在营业执照上“统一社会信用代码”几个字后面，是 18 位数字和大写字母。照着执照发给我，或者回复“跳过”。";

    public const string NoResidentId = "没看到身份证号。请发法定代表人身份证上的 18 位号码，或者回复“跳过”。";

    public const string CreditCodeCompare =
        "请拿营业执照原件逐位对照；也可以在国家企业信用信息公示系统（gsxt.gov.cn）搜企业名称，核对登记的代码。改好后再发一次，或者回复“跳过”。";

    public const string ResidentIdCompare =
        "请对照法定代表人的身份证原件逐位核对，营业执照和国家企业信用信息公示系统上登记的法定代表人要是同一个人。改好后再发一次，或者回复“跳过”。";

    public const string ResidentIdValid =
        "身份证号的位数、出生日期和校验位都没问题。再看两点：注册时填的是不是这个号码；法定代表人姓名是否和身份证、营业执照上完全一致（生僻字、少数民族姓名中间的“·”都要一样）。";

    public static bool IsSkip(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length is > 0 and <= 12
            && !normalized.Any(char.IsAsciiLetterOrDigit)
            && SkipWords.Any(normalized.Contains);
    }

    public static string CreditCodeValid(string code)
    {
        var kind = UnifiedSocialCreditCode.DescribeEntity(code);
        var meaning = kind is null
            ? $"第 1–2 位“{code[..2]}”是登记管理部门和机构类别代码"
            : $"第 1–2 位“{code[..2]}”表示{kind}";
        return $"这个代码的位数、字符和校验位都对：{meaning}，第 3–8 位是登记机关所在地的行政区划码。" +
               "不过校验位对只说明没有输错格式，请再确认注册时填的就是这个代码，企业名称和法定代表人姓名也要和营业执照、国家企业信用信息公示系统上的一字不差。";
    }

    public static string Problems(string heading, IReadOnlyList<string> problems, string compare)
    {
        var lines = problems.Take(MaxProblemsShown).Select(p => "· " + p).ToList();
        if (problems.Count > MaxProblemsShown)
        {
            lines.Add($"· 另外还有 {problems.Count - MaxProblemsShown} 处类似的问题。");
        }

        return $"{heading}\n{string.Join("\n", lines)}\n{compare}";
    }
}
