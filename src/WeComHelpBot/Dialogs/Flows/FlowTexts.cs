namespace WeComHelpBot.Dialogs.Flows;

/// <summary>What the flow runner itself says (zh-CN). Flow content lives in dialogs/*.yaml.</summary>
public static class FlowTexts
{
    public const string Commands = "随时可以说“上一步”改回答，“先到这里”暂停，“取消”退出，“转人工”联系客服。";

    public const string HandoverPlaceholder =
        "需要人工帮忙的话：客服工作时间 9:00–18:00，可在企业微信管理后台「我的客服」联系人工客服。这个流程先结束了，有问题也可以继续问我。";

    public const string AlreadyHandingOver = "正在帮您转人工客服，回答完下面这个问题就好（说“取消”可以不转）。";

    public const string Restarting = "好的，我们从头开始。";

    public const string BackToStep = "回到刚才这一步：";

    /// <summary>Kept as the answer of a checked step the opening sentence answered (the code itself is never kept).</summary>
    public const string CheckedFromOpening = "（开场时已核对）";

    public const string GoingBack = "好的，回到上一个问题：";

    public const string NothingToGoBackTo = "这已经是第一个问题了。";

    public const string ChangeWhich = "好的，改哪一个回答？可以直接说新的答案，比如“其实是对公打款”，或者说“上一步”。";

    public const string Resuming = "好的，我们接着来：";

    public const string StillHere = "我们正在这一步：";

    public static string Paused(string title) => $"好的，“{title}”先停在这一步，做过的都记着。回来时说“继续”就从这里接着来。";

    public static string Changed(string answer) => $"好的，改成“{answer}”。";

    /// <summary>Help of a yes/no step with its own labels: it names them, not 是/不是.</summary>
    public static string ConfirmHelp(string yes, string no) => $"回答“{yes}”或“{no}”就行，用自己的话说也可以，比如“应该没问题”“暂时用不着”。";

    public static string Cancelled(string title) => $"好的，已退出“{title}”。有别的问题可以直接问我。";
}
