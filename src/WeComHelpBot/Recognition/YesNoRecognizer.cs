namespace WeComHelpBot.Recognition;

/// <summary>
/// Recognizes a yes or a no in everyday Chinese (是/对/好的/可以/有/行/没问题/嗯, 不/没有/不用/不是/算了) and English.
/// Recognizers.Text.Choice, which Bot Builder uses for this, is not on our package mirror.
/// </summary>
public static class YesNoRecognizer
{
    private static readonly HashSet<string> Yes =
    [
        "是", "是的", "是啊", "对", "对的", "对啊", "好", "好的", "可以", "有", "有的", "行", "没问题", "嗯", "嗯嗯", "恩",
        "要", "需要", "会", "能", "当然", "确定", "确认", "已经", "有了", "好了", "弄好了", "搞定", "齐了", "准备好了", "同意", "ok", "okay",
        "yes", "y", "yeah", "yep", "sure", "true", "对呀", "没错", "必须", "肯定", "是滴", "阔以", "可", "中", "成",
    ];

    private static readonly HashSet<string> No =
    [
        "不", "不是", "不对", "没有", "没", "不用", "不要", "不需要", "算了", "否", "不行", "不可以", "还没", "还没有", "没呢", "不会", "不能",
        "无", "暂时没有", "暂无", "没得", "木有", "no", "n", "nope", "false", "not", "别", "不了", "没弄", "没准备", "不急",
    ];

    // Phrases that start like a no but mean yes.
    private static readonly string[] YesDespiteNegation = ["没问题", "没错", "不错", "没毛病"];

    private static readonly string[] NoPrefixes = ["不", "没", "别", "无", "还没", "暂时没", "no", "not"];

    private static readonly string[] YesPrefixes = ["是", "对", "好", "可以", "有", "行", "嗯", "要", "已经", "当然", "yes", "ok"];

    /// <summary>True for yes, false for no, null when the text is neither.</summary>
    public static bool? Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        var core = TextNormalizer.TrimParticles(normalized);
        if (Yes.Contains(core) || Yes.Contains(normalized))
        {
            return true;
        }

        if (No.Contains(core) || No.Contains(normalized))
        {
            return false;
        }

        if (YesDespiteNegation.Any(core.StartsWith))
        {
            return true;
        }

        // Longer replies: judge by how they start ("没有营业执照", "有的，都在"), and keep it short so a
        // question such as "有没有别的办法" is not taken as an answer.
        if (core.Length > 12 || core.Contains("有没有") || core.Contains("是不是") || core.Contains("要不要") || core.Contains("可不可以"))
        {
            return null;
        }

        if (NoPrefixes.Any(core.StartsWith))
        {
            return false;
        }

        if (YesPrefixes.Any(core.StartsWith))
        {
            return true;
        }

        return null;
    }
}
