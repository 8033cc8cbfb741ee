using Microsoft.Bot.Schema;

namespace WeComHelpBot.Bench;

/// <summary>What the benchmarks send: messages of each kind, and activities as a channel would deliver them.</summary>
public static class BenchConversation
{
    /// <summary>A question the knowledge base answers.</summary>
    public const string KnowledgeQuestion = "打款好几天了还没到账咋办";

    /// <summary>Starts the member-import flow; <see cref="FlowAnswers"/> walk it to the end.</summary>
    public const string FlowTrigger = "导入员工";

    public static readonly string[] FlowAnswers = ["个体户", "12个人"];

    /// <summary>Nothing to do with WeCom registration.</summary>
    public const string OutOfScope = "今天天气怎么样，适合去爬山吗";

    public static Activity Message(string channelId, string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = channelId,
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount($"user-{conversationId}", "测试用户", RoleTypes.User),
        Recipient = new ChannelAccount("bot", "WeComHelpBot", RoleTypes.Bot),
        Locale = "zh-CN",
        ServiceUrl = "http://127.0.0.1/",
        Timestamp = DateTimeOffset.UtcNow,
    };
}
