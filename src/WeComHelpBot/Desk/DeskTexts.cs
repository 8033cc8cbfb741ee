namespace WeComHelpBot.Desk;

/// <summary>What the user is told about a person taking over, and the desk's words for statuses (zh-CN).</summary>
public static class DeskTexts
{
    public static string AgentOnIt(string agent) => $"客服{agent}正在处理您的问题，您在这里说的话客服都能看到，请稍候。";

    public const string HandedBack = "客服已结束本次人工服务，接下来由机器人助手继续为您解答。还有问题可以直接问我。";

    public static string StatusText(DeskStatus status) => status switch
    {
        DeskStatus.New => "新建",
        DeskStatus.InProgress => "处理中",
        DeskStatus.Resolved => "已解决",
        DeskStatus.Closed => "已关闭",
        _ => status.ToString(),
    };
}
