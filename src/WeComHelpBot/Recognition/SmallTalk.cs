namespace WeComHelpBot.Recognition;

/// <summary>Chat that is not a question about registration: hello, thanks, goodbye, and who the bot is.</summary>
public enum SmallTalk
{
    None,
    Greeting,
    Thanks,

    /// <summary>再见, 拜拜, and "that's all" closings such as 谢谢没问题了 / 好的没事了.</summary>
    Goodbye,

    /// <summary>Asking who or what the bot is: 你是真人吗 / 你是机器人还是真人 / 你叫什么名字 / 你是谁开发的 / are you a bot.</summary>
    AboutBot,
}
