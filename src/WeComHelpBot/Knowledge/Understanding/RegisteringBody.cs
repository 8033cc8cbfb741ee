using System.Text.RegularExpressions;

namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// The three kinds of body the guide tells apart at registration (企业, 个体工商户, 政府/事业单位): which one a question
/// names, and which one an entry is about. 公司能拉多少人进来 asks about a company; the sole proprietor's limit answers
/// another question, however close its example 我是个体 能拉多少人进来 reads.
/// Both sides are read in canonical form (knowledge/synonyms.yaml turns 个体户 into 个体工商户 and 学校 into 事业单位).
/// </summary>
public static class RegisteringBody
{
    private static readonly (string Kind, string[] Words)[] Kinds =
    [
        ("企业", ["企业", "公司", "厂", "国企"]),
        ("个体工商户", ["个体工商户"]),
        ("事业单位", ["事业单位"]),
    ];

    // The same bodies in an English question, as whole words (a school is one of the 事业单位 in synonyms.yaml too);
    // Enterprise WeChat is the product, no company.
    private static readonly (string Kind, Regex Words)[] EnglishKinds =
    [
        ("企业", new(@"\b(?:compan(?:y|ies)|corporations?|enterprises?(?!\s*(?:wechat|weixin))|ltd|llc|factor(?:y|ies)|firms?|state-owned)\b", RegexOptions.IgnoreCase)),
        ("个体工商户", new(@"\b(?:sole (?:proprietor(?:ship)?s?|traders?)|individual (?:business(?:es)?|industrial and commercial households?)|self-employed)\b|个体", RegexOptions.IgnoreCase)),
        ("事业单位", new(@"\b(?:government|public (?:institutions?|schools?|hospitals?)|schools?|hospitals?|universit(?:y|ies)|museums?|librar(?:y|ies)|agenc(?:y|ies))\b|事业单位|政府", RegexOptions.IgnoreCase)),
    ];

    // Words that hold a body's word but name no body: the product (企业微信) and its parts.
    private static readonly string[] NotNaming = ["企业微信", "企业主页", "企业全称", "企业名称", "企业简称", "企业信息", "企业号"];

    /// <summary>
    /// The one body an entry is about: the kind whose word is one of its tags, when no other kind's is. Null for an entry
    /// about no body or about several (the comparison of the three).
    /// </summary>
    public static string? Of(IEnumerable<string> canonicalTags)
    {
        var kinds = canonicalTags
            .Select(tag => Kinds.FirstOrDefault(k => k.Words.Contains(tag.Trim(), StringComparer.Ordinal)).Kind)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return kinds is [var only] ? only : null;
    }

    /// <summary>The one body an English question names; null when it names none or several (a language school set up as a company).</summary>
    public static string? NamedInEnglish(string text) => One(EnglishKinds.Where(k => k.Words.IsMatch(text)).Select(k => k.Kind));

    /// <summary>The one body <paramref name="canonicalText"/> names; null when it names none or several (个体户和公司有啥区别).</summary>
    public static string? NamedIn(string canonicalText)
    {
        var text = NotNaming.Aggregate(canonicalText, (t, word) => t.Replace(word, "　", StringComparison.Ordinal));
        return One(Kinds.Where(k => k.Words.Any(w => text.Contains(w, StringComparison.Ordinal))).Select(k => k.Kind));
    }

    private static string? One(IEnumerable<string> kinds) => kinds.Take(2).ToList() is [var only] ? only : null;
}
