using WeComHelpBot.Recognition;

namespace WeComHelpBot.Analytics;

/// <summary>Reads replies to "有帮助吗？" (有帮助 / 没帮助 and everyday variants), to the reason question, and to "带我做".</summary>
public static class FeedbackRecognizer
{
    private static readonly HashSet<string> HelpfulWords =
    [
        "有帮助", "有帮助的", "很有帮助", "挺有帮助", "有用", "有用的", "很有用", "挺有用", "帮到了", "帮到我了", "有效", "管用", "赞",
    ];

    private static readonly HashSet<string> NotHelpfulWords =
    [
        "没帮助", "没有帮助", "没啥帮助", "没什么帮助", "没用", "没有用", "没啥用", "没什么用", "不管用", "没帮到", "没帮上", "没效果", "无用",
    ];

    private static readonly string[] StillFailingWords = ["还是不行", "还是失败", "还是不通过", "还是没通过", "还是过不了", "还是报错", "还是没到账", "没解决", "不管用", "没用"];

    private static readonly HashSet<string> StepByStepWords =
    [
        "带我做", "一步一步带我做", "一步一步来", "一步步带我做", "带我一步一步做", "一步一步", "一步步来", "带我走一遍", "带我弄", "手把手", "手把手带我做",
    ];

    /// <summary>True for 有帮助, false for 没帮助, null otherwise.</summary>
    public static bool? RecognizeHelpful(string? text)
    {
        var core = Core(text);
        return HelpfulWords.Contains(core) ? true : NotHelpfulWords.Contains(core) ? false : null;
    }

    public static bool IsStepByStep(string? text)
    {
        var core = Core(text);
        foreach (var lead in new[] { "好的", "好", "那", "请", "麻烦", "要", "可以" })
        {
            if (core.StartsWith(lead, StringComparison.Ordinal) && StepByStepWords.Contains(core[lead.Length..]))
            {
                return true;
            }
        }

        return StepByStepWords.Contains(core);
    }

    /// <summary>
    /// "还是不行" / "检查了，还是不行" / "试了还是失败": the advice was followed and the problem is still there. Questions
    /// are not ("还是不行怎么办" asks for more, and the knowledge base answers it).
    /// </summary>
    public static bool IsStillFailing(string? text)
    {
        var core = Core(text);
        if (core.Length is 0 or > 20 || QuestionDetector.LooksLikeQuestion(text))
        {
            return false;
        }

        return StillFailingWords.Any(w => core.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The reason picked after 没帮助: 1/不相关/答非所问, 2/相关但没解决/没解决; null when the text is not one.</summary>
    public static NotHelpfulReason? RecognizeReason(string? text)
    {
        var core = Core(text);
        return core switch
        {
            "1" or "不相关" or "不太相关" or "答非所问" or "不是我问的" or "不对题" or "文不对题" or "不沾边" => NotHelpfulReason.Irrelevant,
            "2" or "相关但没解决" or "相关但没有解决" or "相关没解决" or "没解决" or "还是没解决" or "没有解决" or "还是不行" or "相关" => NotHelpfulReason.RelatedButUnsolved,
            _ => null,
        };
    }

    /// <summary>跳过 / 不想选 / 算了: no reason given.</summary>
    public static bool IsSkip(string? text) => Core(text) is "跳过" or "不想选" or "不选" or "算了" or "不用" or "没有" or "不说了" or "不想说";

    /// <summary>
    /// A reply about an answer rather than a question: 有帮助 / 没帮助, a 没帮助 reason, 还是不行, 跳过. The figures never
    /// count these as questions, asked or unanswered.
    /// </summary>
    public static bool IsFeedbackReply(string? text) =>
        RecognizeHelpful(text) is not null || RecognizeReason(text) is not null || IsStillFailing(text) || IsSkip(text);

    private static string Core(string? text) => TextNormalizer.TrimParticles(TextNormalizer.Normalize(text));
}
