namespace WeComHelpBot.Bot;

/// <summary>User-facing sentences of the bot itself (zh-CN). Content answers live in knowledge/ and dialogs/.</summary>
public static class BotTexts
{
    public const int MaxMessageLength = 2000;

    public const string Welcome =
        "您好，我是企业微信注册助手。我可以：\n" +
        "· 回答注册问题，比如“个体户最多能加几个人”“对公打款多久到账”\n" +
        "· 一步一步带您完成注册、选验证方式、核对材料、导入成员\n" +
        "· 帮您排查“法人信息校验失败”“对公打款验证超时”“成员手机号重复”等问题\n" +
        "直接打字提问就行；说“转人工”可以联系客服。";

    public const string EmptyMessage = "没有收到文字内容。请直接输入您的问题，比如“注册企业微信要准备什么材料”。";

    public const string NonTextMessage = "我暂时只能看懂文字消息，图片、表情和文件还看不了。请用文字描述您的问题。";

    public const string MessageTooLong = "这条消息太长了（超过 2000 字）。请把问题缩短一点，或者分几条发给我。";
}
