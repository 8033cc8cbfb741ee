using System.Buffers;
using System.Text.RegularExpressions;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Takes a company (shop, unit) name out of what the user said: "刚才说过了，福州闽江小吃店" → 福州闽江小吃店,
/// "我们公司叫厦门鹭岛科技有限公司" → 厦门鹭岛科技有限公司. Without a name-like ending, the reply itself is the name once
/// the words around it are dropped; a question or a refusal is no name.
/// </summary>
public static partial class CompanyNameRecognizer
{
    private static readonly string[] NotNames = ["不知道", "不清楚", "忘了", "不想说", "不方便", "没有", "不告诉你", "保密", "跳过"];

    /// <summary>The name, or null.</summary>
    public static string? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || QuestionDetector.LooksLikeQuestion(text))
        {
            return null;
        }

        var named = Named(text);
        if (named is not null)
        {
            return named;
        }

        var clause = text.Split(['，', ',', '。', '；', ';', '！', '!', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Filler().Replace(c, string.Empty).Trim())
            .LastOrDefault(c => c.Length >= 2);
        if (clause is null || clause.Length > 40)
        {
            return null;
        }

        var core = TextNormalizer.TrimParticles(TextNormalizer.Normalize(clause));
        return NotNames.Any(n => core.Contains(n, StringComparison.Ordinal)) || YesNoRecognizer.Read(clause) != YesNoReading.None ? null : clause.TrimEnd('。', '.', '的');
    }

    /// <summary>A name with a name-like ending (有限公司, 店, 厂…) anywhere in the text, or null: for sentences that say more.</summary>
    public static string? Named(string? text)
    {
        // Every message of every turn comes here (TypedFactsRecorder): without the last character of an ending there is
        // no match, and the pattern, which tries up to 40 characters from every position, need not run.
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().IndexOfAny(EndingLastCharacters) < 0)
        {
            return null;
        }

        // "我们公司叫X有限公司" matches "我们公司" first: the longest name left after the filler wins.
        var name = NamePattern().Matches(text).Select(m => Filler().Replace(m.Value, string.Empty)).MaxBy(n => n.Length);
        return name is { Length: >= 4 } ? name : null;
    }

    /// <summary>What a name ends with, as alternatives of <see cref="NamePattern"/>.</summary>
    internal const string Endings = "股份有限公司|有限责任公司|有限公司|分公司|公司|集团|小吃店|商店|门店|店|厂|工作室|事务所|中心|商行|经营部|门市部|医院|学校|幼儿园|研究院|研究所|合作社|超市|餐厅|酒店|诊所|药房";

    /// <summary>The last character of every ending of <see cref="NamePattern"/> (a test keeps the two in step).</summary>
    internal static readonly SearchValues<char> EndingLastCharacters = SearchValues.Create(EndingLastCharacterList);

    internal const string EndingLastCharacterList = "司团店厂室所心行部院校园社市厅房";

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9（）()·]{2,40}?(?:" + Endings + ")")]
    private static partial Regex NamePattern();

    // Words around a name: "刚才说过了" "我们是" "公司叫" "全称是" "名字叫".
    [GeneratedRegex(@"^(?:(?:刚才|之前|前面|上面)?(?:不是)?(?:已经)?(?:说过了|说了|讲过了|告诉你了|发过了)|嗯|哦|就是|我们|我|这边|单位|公司|店|的|名字|名称|全称|是|叫做|叫|就|：|:|\s)+")]
    private static partial Regex Filler();
}
