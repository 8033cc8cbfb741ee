namespace WeComHelpBot.Channels;

/// <summary>What a channel tells the user when something on our side goes wrong (zh-CN).</summary>
public static class ChannelTexts
{
    public const string TurnFailed = "抱歉，刚才处理您的消息时出了点问题。请稍后再发一次；如果一直不行，可以说“转人工”联系客服。";

    public const string StorageUnavailable = "抱歉，系统暂时出了故障，没能处理您的消息，请过几分钟再试。";
}
