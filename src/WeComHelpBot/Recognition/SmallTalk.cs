namespace WeComHelpBot.Recognition;

/// <summary>Chat that is not a question: hello, thanks, goodbye.</summary>
public enum SmallTalk
{
    None,
    Greeting,
    Thanks,

    /// <summary>再见, 拜拜, and "that's all" closings such as 谢谢没问题了 / 好的没事了.</summary>
    Goodbye,
}
