namespace WeComHelpBot.Recognition;

/// <summary>
/// Recognizes what works at every step of a flow: 取消/退出, 帮助, 重新开始, 转人工, 先到这里 (pause), 继续 (resume),
/// 上一步 (back) and a change of an earlier answer. Most count only as the whole message, so "取消认证会怎样" stays a
/// question and "不用" stays an answer; a request for a person and a pause are also heard inside a sentence
/// ("真麻烦，找个人帮我", "能不能让客服联系我", "我晚点再弄"), unless the sentence only asks about them.
/// </summary>
public static class InterruptionRecognizer
{
    private static readonly Dictionary<string, Interruption> Commands = new(StringComparer.Ordinal)
    {
        ["取消"] = Interruption.Cancel, ["退出"] = Interruption.Cancel, ["退出流程"] = Interruption.Cancel, ["取消流程"] = Interruption.Cancel,
        ["不做了"] = Interruption.Cancel, ["不弄了"] = Interruption.Cancel, ["不想弄了"] = Interruption.Cancel, ["结束"] = Interruption.Cancel,
        ["结束流程"] = Interruption.Cancel, ["停止"] = Interruption.Cancel, ["cancel"] = Interruption.Cancel, ["quit"] = Interruption.Cancel,
        ["exit"] = Interruption.Cancel, ["不想做了"] = Interruption.Cancel, ["不搞了"] = Interruption.Cancel,
        ["帮助"] = Interruption.Help, ["help"] = Interruption.Help, ["不懂"] = Interruption.Help, ["看不懂"] = Interruption.Help,
        ["什么意思"] = Interruption.Help, ["啥意思"] = Interruption.Help, ["这是什么意思"] = Interruption.Help, ["怎么回答"] = Interruption.Help,
        ["不知道怎么选"] = Interruption.Help, ["不知道怎么填"] = Interruption.Help, ["为什么问这个"] = Interruption.Help, ["为啥问这个"] = Interruption.Help,
        ["问这个干嘛"] = Interruption.Help, ["这个问题什么意思"] = Interruption.Help, ["选项什么意思"] = Interruption.Help, ["这几个选项什么意思"] = Interruption.Help,
        ["有什么区别"] = Interruption.Help, ["怎么选"] = Interruption.Help,
        ["重新开始"] = Interruption.Restart, ["从头开始"] = Interruption.Restart, ["重来"] = Interruption.Restart, ["重新来"] = Interruption.Restart,
        ["从头来"] = Interruption.Restart, ["restart"] = Interruption.Restart,
        ["转人工"] = Interruption.Handover, ["人工"] = Interruption.Handover, ["人工客服"] = Interruption.Handover, ["找人工"] = Interruption.Handover,
        ["找客服"] = Interruption.Handover, ["找人工客服"] = Interruption.Handover, ["要人工"] = Interruption.Handover, ["联系客服"] = Interruption.Handover, ["转客服"] = Interruption.Handover, ["真人"] = Interruption.Handover,
        ["先到这里"] = Interruption.Pause, ["先这样"] = Interruption.Pause, ["暂停"] = Interruption.Pause, ["先停一下"] = Interruption.Pause,
        ["晚点再弄"] = Interruption.Pause, ["回头再弄"] = Interruption.Pause, ["下次再说"] = Interruption.Pause, ["稍后再弄"] = Interruption.Pause,
        ["等会再弄"] = Interruption.Pause, ["改天再弄"] = Interruption.Pause, ["明天再弄"] = Interruption.Pause, ["先停在这"] = Interruption.Pause,
        ["继续"] = Interruption.Resume, ["接着来"] = Interruption.Resume, ["接着做"] = Interruption.Resume, ["接着弄"] = Interruption.Resume,
        ["继续刚才的"] = Interruption.Resume, ["接着刚才的"] = Interruption.Resume, ["我回来了"] = Interruption.Resume, ["回来了"] = Interruption.Resume,
        ["继续吧"] = Interruption.Resume, ["接着上次的"] = Interruption.Resume, ["继续上次的"] = Interruption.Resume, ["接着上次"] = Interruption.Resume,
        ["上一步"] = Interruption.Back, ["返回"] = Interruption.Back, ["返回上一步"] = Interruption.Back, ["回到上一步"] = Interruption.Back,
        ["退回"] = Interruption.Back, ["后退"] = Interruption.Back, ["上一个问题"] = Interruption.Back, ["退一步"] = Interruption.Back,
        ["回上一步"] = Interruption.Back, ["back"] = Interruption.Back, ["退回上一步"] = Interruption.Back, ["回到上一个问题"] = Interruption.Back,
    };

    private static readonly string[] Lead = ["我要", "我想", "请", "帮我", "麻烦", "算了", "那就", "那", "好吧", "好", "我"];

    // Heard inside a sentence: asking for a person. "人工审核" is not one of them.
    private static readonly string[] HandoverPhrases =
    [
        "转人工", "人工客服", "找人工", "要人工", "叫人工", "人工服务", "找个人", "找真人", "真人客服", "真人", "找客服", "找个客服", "转客服",
        "客服联系我", "让客服", "叫客服", "联系客服", "找你们的人", "找工作人员", "跟人聊", "和人聊", "找个活人", "活人",
    ];

    // A request, also when phrased as a question ("能不能让客服联系我").
    private static readonly string[] RequestMarkers = ["帮我", "我要", "我想", "给我", "让", "能不能", "可不可以", "能否", "可以", "请", "找", "麻烦", "叫", "转"];

    private static readonly string[] PausePhrases =
    [
        "先到这里", "晚点再弄", "回头再弄", "下次再说", "改天再弄", "稍后再弄", "等会再弄", "等会儿再弄", "晚点再说", "回头再说", "明天再弄",
        "先停一下", "先停在这", "晚些再弄", "过会再弄", "今天先这样", "先这样吧",
    ];

    /// <summary>
    /// Whether <see cref="Recognize"/> reads the message as 继续, without the readings that can never give it (a person
    /// asked for, a pause, a correction): all a conversation with no flow running needs.
    /// </summary>
    public static bool IsResume(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length is > 0 and <= 12 && Command(normalized) == Interruption.Resume;
    }

    public static Interruption Recognize(string? text)
    {
        if (text?.Trim() is "?" or "？")
        {
            return Interruption.Help;
        }

        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return Interruption.None;
        }

        if (normalized.Length <= 12 && Command(normalized) is var command and not Interruption.None)
        {
            return command;
        }

        if (normalized.Length > 40)
        {
            return Interruption.None;
        }

        if (AsksForPerson(text, normalized))
        {
            return Interruption.Handover;
        }

        if (PausePhrases.Any(p => normalized.Contains(p, StringComparison.Ordinal)) && !QuestionDetector.LooksLikeQuestion(text))
        {
            return Interruption.Pause;
        }

        return CorrectionRecognizer.Recognize(text) is not null ? Interruption.Correct : Interruption.None;
    }

    /// <summary>A request for a person anywhere in the message; "人工客服几点上班" only asks about them.</summary>
    public static bool AsksForPerson(string? text, string normalized)
    {
        var phrase = HandoverPhrases.FirstOrDefault(p => normalized.Contains(p, StringComparison.Ordinal));
        if (phrase is null)
        {
            return false;
        }

        return phrase is "转人工" or "找人工" or "要人工" or "叫人工" or "找个人" or "找真人" or "客服联系我" or "找个活人"
            || !QuestionDetector.LooksLikeQuestion(text)
            || RequestMarkers.Any(m => normalized.Contains(m, StringComparison.Ordinal));
    }

    private static Interruption Command(string normalized)
    {
        if (Commands.TryGetValue(normalized, out var exact))
        {
            return exact;
        }

        var core = TextNormalizer.TrimParticles(normalized);
        if (Commands.TryGetValue(core, out var trimmed))
        {
            return trimmed;
        }

        foreach (var lead in Lead)
        {
            if (core.StartsWith(lead, StringComparison.Ordinal) && core.Length > lead.Length)
            {
                core = core[lead.Length..];
                break;
            }
        }

        core = core.Replace("一下", string.Empty, StringComparison.Ordinal);
        return Commands.GetValueOrDefault(core) is var found && found != Interruption.None
            ? found
            : Commands.GetValueOrDefault(core + "了", Interruption.None);
    }
}
