namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// Splits a question that compares two things ("扫脸和打款哪个快", "免认证跟认证有啥区别", "个体户还是企业") into its two
/// sides, so each side can be looked up on its own. Null when the question compares nothing.
/// </summary>
public static class ComparisonDetector
{
    private static readonly string[] Joiners = ["还是", "和", "跟", "与", "vs", "VS", "或者", "对比", "比"];

    private static readonly string[] Cues = ["哪个", "哪种", "哪一个", "区别", "不同", "差别", "对比", "比较", "还是", "vs", "VS", "一样吗", "选哪", "更快", "更好", "更便宜", "更慢", "分别", "各是", "各有", "各能", "各要", "各自", "一回事", "什么关系", "差在哪", "先做"];

    public static (string Left, string Right)? Split(string text)
    {
        if (!Cues.Any(c => text.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var joiner in Joiners)
        {
            var at = text.IndexOf(joiner, 1, StringComparison.Ordinal);
            if (at <= 0 || at + joiner.Length >= text.Length)
            {
                continue;
            }

            var left = text[..at].Trim();
            var right = text[(at + joiner.Length)..].Trim();
            if (left.Length >= 2 && right.Length >= 2)
            {
                return (left, right);
            }
        }

        return null;
    }
}
