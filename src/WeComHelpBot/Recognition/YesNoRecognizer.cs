namespace WeComHelpBot.Recognition;

/// <summary>
/// Recognizes a yes or a no in everyday Chinese (是/对/好的/可以/有/行/没问题/嗯, 不/没有/不用/不是/算了) and English,
/// also when hedged or given with a reason ("老板那边应该没问题", "暂时用不着", "这个先不弄", "不太方便，他在外地").
/// "不确定" / "看情况" read as <see cref="YesNoReading.Unsure"/>: the caller asks, it never guesses.
/// Recognizers.Text.Choice, which Bot Builder uses for this, is not on our package mirror.
/// </summary>
public static class YesNoRecognizer
{
    private static readonly HashSet<string> Yes =
    [
        "是", "是的", "是啊", "对", "对的", "对啊", "好", "好的", "可以", "有", "有的", "行", "没问题", "嗯", "嗯嗯", "恩",
        "要", "需要", "会", "能", "当然", "确定", "确认", "已经", "有了", "好了", "弄好了", "搞定", "齐了", "准备好了", "同意", "ok", "okay",
        "yes", "y", "yeah", "yep", "sure", "true", "对呀", "没错", "必须", "肯定", "是滴", "阔以", "可", "中", "成", "愿意", "方便", "能配合",
        "应该可以", "应该行", "应该能", "没啥问题", "没什么问题", "当然可以", "可以的", "行的", "能的", "会的", "要的", "需要的",
    ];

    private static readonly HashSet<string> No =
    [
        "不", "不是", "不对", "没有", "没", "不用", "不要", "不需要", "算了", "否", "不行", "不可以", "还没", "还没有", "没呢", "不会", "不能",
        "无", "暂时没有", "暂无", "没得", "木有", "no", "n", "nope", "false", "not", "别", "不了", "没弄", "没准备", "不急",
        "用不着", "用不上", "不方便", "不太方便", "不愿意", "没法", "没办法", "不弄", "先不弄", "先不用", "暂时不用", "暂时不需要",
    ];

    private static readonly HashSet<string> Unsure =
    [
        "不确定", "不太确定", "还不确定", "不知道", "不清楚", "不太清楚", "看情况", "说不好", "不好说", "不一定", "难说", "说不准", "再看看",
        "还没想好", "没想好", "都行", "都可以", "随便", "可能吧", "也许", "或许", "maybe", "不好讲", "看情况吧", "不知道呢",
    ];

    // Phrases that start like a no but mean yes.
    private static readonly string[] YesDespiteNegation = ["没问题", "没错", "不错", "没毛病", "没啥问题", "没什么问题", "不成问题"];

    // Said before the answer itself: who answers for whom, hedges, "for now". They change how sure the answer is, not its sign.
    private static readonly string[] Hedges =
    [
        "我觉得", "我感觉", "我估计", "估计", "应该是", "应该", "大概", "好像", "感觉", "老板那边", "老板", "法人那边", "法人", "法定代表人",
        "领导", "我们这边", "我们", "咱们", "我这边", "这边", "那边", "这个", "那个", "这块", "目前", "现在", "暂时", "先", "也", "都",
        "其实", "还是", "那就", "嗯", "哦", "额", "呃", "那", "他", "她", "肯定",
    ];

    // Inside a longer reply: a negation decides it (checked after the yes-despite-negation phrases are set aside).
    private static readonly string[] NoCues =
    [
        "用不着", "用不上", "不用", "不需要", "不要", "不方便", "不行", "不能", "没法", "没办法", "不会", "不愿意", "不想", "不弄", "不做",
        "没有", "还没", "不太", "不了", "算了", "不是", "不对", "不配合", "没空", "不在",
    ];

    private static readonly string[] YesCues = ["可以", "愿意", "方便", "配合", "需要", "能", "行", "有", "会", "要", "没问题", "好", "对", "是"];

    private static readonly string[] NoPrefixes = ["不", "没", "别", "无", "还没", "暂时没", "no", "not"];

    private static readonly string[] YesPrefixes = ["是", "对", "好", "可以", "有", "行", "嗯", "要", "已经", "当然", "yes", "ok", "需要", "能", "会", "愿意"];

    private static readonly char[] ClauseBreaks = ['，', ',', '。', '；', ';', '！', '!', ' ', '、', '\n'];

    /// <summary>True for yes, false for no, null when the text is neither (or unsure).</summary>
    public static bool? Recognize(string? text) => Read(text) switch
    {
        YesNoReading.Yes => true,
        YesNoReading.No => false,
        _ => null,
    };

    /// <summary>Reads a reply to a yes/no question, hedges and reasons included.</summary>
    public static YesNoReading Read(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return YesNoReading.None;
        }

        // "有没有别的办法" / "需要营业执照吗" is a question, not an answer (unless it is one of the answer words itself).
        if (QuestionDetector.LooksLikeQuestion(text) || normalized.Length > 30)
        {
            return Listed(normalized);
        }

        var whole = ReadShort(normalized);
        if (whole != YesNoReading.None)
        {
            return whole;
        }

        // The first clause usually carries the answer, the rest the reason ("有，但是法人在外地").
        var clauses = text!.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length > 1)
        {
            var first = ReadShort(TextNormalizer.Normalize(clauses[0]));
            if (first != YesNoReading.None)
            {
                return first;
            }
        }

        var core = StripHedges(TextNormalizer.TrimParticles(normalized));
        var withoutYesPhrases = YesDespiteNegation.Aggregate(core, (current, phrase) => current.Replace(phrase, "·", StringComparison.Ordinal));
        if (Unsure.Any(u => u.Length >= 3 && core.Contains(u, StringComparison.Ordinal)))
        {
            return YesNoReading.Unsure;
        }

        if (NoCues.Any(cue => withoutYesPhrases.Contains(cue, StringComparison.Ordinal)))
        {
            return YesNoReading.No;
        }

        if (withoutYesPhrases != core || YesCues.Any(cue => core.StartsWith(cue, StringComparison.Ordinal)))
        {
            return YesNoReading.Yes;
        }

        return core.Length <= 8 && YesCues.Any(cue => cue.Length >= 2 && core.Contains(cue, StringComparison.Ordinal)) ? YesNoReading.Yes : YesNoReading.None;
    }

    /// <summary>The reply is one of the listed words, as typed, without particles or without hedges.</summary>
    private static YesNoReading Listed(string normalized)
    {
        var core = TextNormalizer.TrimParticles(normalized);
        foreach (var candidate in new[] { normalized, core, StripHedges(core) })
        {
            if (Unsure.Contains(candidate))
            {
                return YesNoReading.Unsure;
            }

            if (Yes.Contains(candidate))
            {
                return YesNoReading.Yes;
            }

            if (No.Contains(candidate))
            {
                return YesNoReading.No;
            }
        }

        return YesNoReading.None;
    }

    /// <summary>A short reply or clause: the word lists, after hedges; then how it starts.</summary>
    private static YesNoReading ReadShort(string normalized)
    {
        var listed = Listed(normalized);
        if (listed != YesNoReading.None)
        {
            return listed;
        }

        var stripped = StripHedges(TextNormalizer.TrimParticles(normalized));

        if (YesDespiteNegation.Any(stripped.StartsWith))
        {
            return YesNoReading.Yes;
        }

        // Short replies are judged by how they start ("没有营业执照", "有的，都在"); a question such as
        // "有没有别的办法" is not an answer.
        if (stripped.Length > 8 || stripped.Contains("有没有") || stripped.Contains("是不是") || stripped.Contains("要不要")
            || stripped.Contains("可不可以") || stripped.Contains("能不能") || stripped.Contains("会不会"))
        {
            return YesNoReading.None;
        }

        if (NoPrefixes.Any(stripped.StartsWith))
        {
            return YesNoReading.No;
        }

        return YesPrefixes.Any(stripped.StartsWith) ? YesNoReading.Yes : YesNoReading.None;
    }

    private static string StripHedges(string core)
    {
        var changed = true;
        while (changed && core.Length > 0)
        {
            changed = false;
            foreach (var hedge in Hedges)
            {
                if (core.Length > hedge.Length && core.StartsWith(hedge, StringComparison.Ordinal))
                {
                    core = core[hedge.Length..];
                    changed = true;
                    break;
                }
            }
        }

        return core;
    }
}
