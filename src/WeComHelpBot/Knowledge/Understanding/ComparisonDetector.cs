namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// Splits a question that compares two things ("扫脸和打款哪个快", "免认证跟认证有啥区别", "个体户还是企业") into its two
/// sides, so each side can be looked up on its own. Null when the question compares nothing.
/// </summary>
public static partial class ComparisonDetector
{
    private static readonly string[] Joiners = ["还是", "和", "跟", "与", "vs", "VS", "或者", "对比", "相比", "比起", "以及", "比"];

    // What a comparison asks of its two sides. 各 alone (各多久, 各几天) asks of each side; a question without a joiner
    // between two topics is no comparison whatever cue it holds.
    private static readonly string[] Cues =
    [
        "哪个", "哪种", "哪一个", "哪家", "哪步", "哪一步", "区别", "不同", "差别", "差异", "区分", "对比", "比较", "还是", "vs", "VS", "一样", "选哪", "怎么选", "如何选",
        "更快", "更好", "更便宜", "更慢", "更全", "更多", "更少", "更省", "分别", "各", "一回事", "一个东西", "什么关系", "啥关系", "有关系", "有没有关系", "什么联系", "啥联系", "一起弄", "一起办", "差在哪", "差多少", "好在哪", "强在哪", "优势",
        "先做", "优缺点", "好处", "是不是都", "都要", "都能", "都不", "都可以", "都会", "都在", "都是", "都得", "都需要", "谁", "相比", "比起", "多多少", "少多少", "比一比", "比一下",
    ];

    // Where the right side's topic ends and the question about both begins (对公打款|哪个快, 个体户|各能加多少人, 企业|比，谁多). 对 is
    // no marker: it starts topics (对公打款).
    private static readonly string[] AskingMarkers = ["哪", "什么", "啥", "分别", "各", "是", "一样", "有", "怎么", "如何", "要", "能", "多", "几", "的", "差", "区别", "不同", "选", "先", "更", "最", "都", "谁", "呢", "吗", "比", "?", "？", "，", ","];

    /// <summary>
    /// Splits the right side of a comparison into its topic and what the question asks about both sides
    /// ("个体户各能加多少人" → 个体户 + 各能加多少人), so each side can be weighed by its topic alone and by its topic with
    /// the question. The topic keeps at least two characters; without a marker the whole side is the topic.
    /// </summary>
    public static (string Topic, string Asked) Topic(string side)
    {
        var cut = side.Length;
        foreach (var marker in AskingMarkers)
        {
            var at = side.IndexOf(marker, Math.Min(2, side.Length), StringComparison.Ordinal);
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }

        return (side[..cut].Trim(), side[cut..].Trim());
    }

    // A title or tag that compares (三种认证方式对比, 哪种最快, 不同主体…): the entry is an overview of its siblings.
    private static readonly string[] OverviewMarkers = ["对比", "三种", "几种", "哪种", "哪几种", "不同", "区别", "怎么选", "各要", "差别"];

    /// <summary>True when <paramref name="entry"/>'s title or tags say it compares several things itself.</summary>
    public static bool Compares(KnowledgeEntry entry) =>
        OverviewMarkers.Any(m => entry.Title.Contains(m, StringComparison.Ordinal) || entry.Tags.Any(t => t.Contains(m, StringComparison.Ordinal)));

    // One thing set against another (手动加人跟 Excel 导入比，一次能多加多少): 跟 / 和 / 与 / 同 and, in the same clause, 比 (not
    // 比如, an example).
    // Or A 比 B in time, cost or effort (扫脸验证比微信认证快多少, 模板比手动省事吗); 比…麻烦 / 比…少了什么 stay one topic
    // asked against another, which its own entry answers (事业单位比企业注册麻烦在哪).
    [System.Text.RegularExpressions.GeneratedRegex("(跟|和|与|同)[^，,。；;？?！!]{1,16}比(?!如)|[^，,。；;？?！!]{2}比(?!如|较)[^，,。；;？?！!]{2,12}(快|慢|贵|便宜|省事|省心)")]
    private static partial System.Text.RegularExpressions.Regex SetAgainst();

    private static readonly string[] StillFailing = ["不", "没", "失败", "报错", "卡", "一样"];

    public static (string Left, string Right)? Split(string text)
    {
        if (!Cues.Any(c => text.Contains(c, StringComparison.Ordinal)) && !SetAgainst().IsMatch(text))
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

            var left = LastClause(text[..at].Trim());
            var right = text[(at + joiner.Length)..].Trim();

            // 还是不行 / 还是没通过 says a fix did not work: no choice between two things.
            if (joiner == "还是" && StillFailing.Any(w => right.StartsWith(w, StringComparison.Ordinal)))
            {
                continue;
            }

            if (left.Length >= 2 && right.Length >= 2)
            {
                return (left, right);
            }
        }

        return null;
    }

    private static readonly char[] ClauseEnds = ['，', ',', '。', '；', ';', '！', '!', '？', '?', '：', ':'];

    /// <summary>
    /// The clause the left side stands in (我们三千人，模板导入 → 模板导入): what comes before it in the question is the
    /// user's situation, not the side's topic. The whole side when its last clause would keep fewer than two characters.
    /// </summary>
    private static string LastClause(string left)
    {
        var at = left.LastIndexOfAny(ClauseEnds);
        return at >= 0 && left.Length - at - 1 >= 2 ? left[(at + 1)..] : left;
    }

    /// <summary>
    /// True when one side ends with the other and is longer: a kind of it (部门管理员 / 管理员, 免认证 / 认证), since a Chinese
    /// compound ends with what it is.
    /// </summary>
    public static bool IsKindOf(string left, string right) =>
        left != right && (left.EndsWith(right, StringComparison.Ordinal) || right.EndsWith(left, StringComparison.Ordinal));

    /// <summary>
    /// Takes what both sides share off them (公司注册材料 / 个体户注册材料 → 公司 / 个体户 + 注册材料; 法人扫脸 / 法人微信认证 →
    /// 扫脸 / 微信认证 + 法人): the shared words belong to what is asked of both, and only the rest tells the sides apart.
    /// The shared part goes whole or not at all, and only when each side keeps two characters: 部门管理员 / 主管理员 share
    /// 管理员, the word both sides are, and cutting it short (部门管 / 主管) would name other things.
    /// </summary>
    public static (string Left, string Right, string Shared) Distinct(string left, string right)
    {
        var prefix = 0;
        while (prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix])
        {
            prefix++;
        }

        // A single shared character is usually chance (认证 / 免认证 share 证), not a shared topic.
        if (prefix < 2 || left.Length - prefix < 2 || right.Length - prefix < 2)
        {
            prefix = 0;
        }

        var suffix = 0;
        while (suffix < left.Length - prefix && suffix < right.Length - prefix && left[^(suffix + 1)] == right[^(suffix + 1)])
        {
            suffix++;
        }

        if (suffix < 2 || left.Length - prefix - suffix < 2 || right.Length - prefix - suffix < 2)
        {
            suffix = 0;
        }

        var shared = left[..prefix] + left[(left.Length - suffix)..];
        return (left[prefix..(left.Length - suffix)], right[prefix..(right.Length - suffix)], shared);
    }
}
