namespace WeComHelpBot.Recognition;

/// <summary>
/// Recognizes 取消/退出, 帮助, 重新开始 and 转人工. Only short messages that are the command itself count, so
/// "取消认证会怎样" stays a question and "不用" stays an answer.
/// </summary>
public static class InterruptionRecognizer
{
    private static readonly Dictionary<string, Interruption> Commands = new(StringComparer.Ordinal)
    {
        ["取消"] = Interruption.Cancel, ["退出"] = Interruption.Cancel, ["退出流程"] = Interruption.Cancel, ["取消流程"] = Interruption.Cancel,
        ["不做了"] = Interruption.Cancel, ["不弄了"] = Interruption.Cancel, ["不想弄了"] = Interruption.Cancel, ["结束"] = Interruption.Cancel,
        ["结束流程"] = Interruption.Cancel, ["停止"] = Interruption.Cancel, ["cancel"] = Interruption.Cancel, ["quit"] = Interruption.Cancel,
        ["exit"] = Interruption.Cancel,
        ["帮助"] = Interruption.Help, ["help"] = Interruption.Help, ["不懂"] = Interruption.Help, ["看不懂"] = Interruption.Help,
        ["什么意思"] = Interruption.Help, ["啥意思"] = Interruption.Help, ["这是什么意思"] = Interruption.Help, ["怎么回答"] = Interruption.Help,
        ["不知道怎么选"] = Interruption.Help, ["不知道怎么填"] = Interruption.Help,
        ["重新开始"] = Interruption.Restart, ["从头开始"] = Interruption.Restart, ["重来"] = Interruption.Restart, ["重新来"] = Interruption.Restart,
        ["从头来"] = Interruption.Restart, ["restart"] = Interruption.Restart,
        ["转人工"] = Interruption.Handover, ["人工"] = Interruption.Handover, ["人工客服"] = Interruption.Handover, ["找人工"] = Interruption.Handover,
        ["找客服"] = Interruption.Handover, ["找人工客服"] = Interruption.Handover, ["要人工"] = Interruption.Handover, ["联系客服"] = Interruption.Handover, ["转客服"] = Interruption.Handover, ["真人"] = Interruption.Handover,
    };

    private static readonly string[] Lead = ["我要", "我想", "请", "帮我", "麻烦", "我"];

    public static Interruption Recognize(string? text)
    {
        if (text?.Trim() is "?" or "？")
        {
            return Interruption.Help;
        }

        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length is 0 or > 12)
        {
            return Interruption.None;
        }

        if (Commands.TryGetValue(normalized, out var exact))
        {
            return exact;
        }

        var core = TextNormalizer.TrimParticles(normalized);
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
