namespace WeComHelpBot.Channels.WeComKf;

/// <summary>What the 微信客服 channel itself says (zh-CN); everything else comes from the bot's turns.</summary>
public static class WeComKfTexts
{
    /// <summary>What stands for the customer's first words when they open the chat (enter_session).</summary>
    public const string EnterSessionGreeting = "你好";

    public const string NonText = "抱歉，这里我只能看懂文字。请直接打字描述您的问题，比如“注册企业微信需要什么材料”；需要人工帮忙请回复“转人工”。";

    public const string FileNotChecked = "收到您的文件。成员导入表（.xlsx / .csv）请在电脑上用命令检查：wecomhelp members check 文件名.xlsx；其他问题请直接打字告诉我。";

    public const string SatisfactionHead = "本次服务已结束，请为我们的服务打分：";

    public const string SatisfactionTail = "点一下即可，感谢您的反馈。";

    public const string MoreTopics = "也可以直接打字提问。";

    public const string ReplyCut = "……（内容较长，只发了前面一部分。换个更具体的问法，或回复“转人工”。）";

    public static readonly IReadOnlyList<(int Rating, string Label)> Ratings =
    [
        (5, "非常满意"),
        (4, "满意"),
        (3, "一般"),
        (2, "不满意"),
        (1, "非常不满意"),
    ];

    public static string ThanksForRating(int rating) => rating >= 4
        ? "感谢您的好评！有问题随时再来找我。"
        : "收到，感谢您的反馈，我们会继续改进。";

    public static string FromAgent(string? senderName, string text) =>
        string.IsNullOrWhiteSpace(senderName) ? text : $"【客服 {senderName}】{text}";
}
