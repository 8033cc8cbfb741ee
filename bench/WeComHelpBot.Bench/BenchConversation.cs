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

    /// <summary>
    /// A walk through an answer, the member-import flow and an out-of-scope question, with what the bot must say to each
    /// message, so that a reply meant for another step or another conversation shows up. After steps 1 and 2 the flow is
    /// under way (<see cref="FlowActiveAfter"/>).
    /// </summary>
    public static readonly (string Text, string Expected)[] Walk =
    [
        (KnowledgeQuestion, "对公打款"),
        (FlowTrigger, "导入成员"),
        (FlowAnswers[0], "导入多少人"),
        (FlowAnswers[1], "手动添加"),
        (OutOfScope, "不在我能回答的范围"),
    ];

    /// <summary>Whether a guided flow is under way once <paramref name="turns"/> turns of <see cref="Walk"/> have been committed.</summary>
    public static bool FlowActiveAfter(int turns) => turns > 0 && ((turns - 1) % Walk.Length) is 1 or 2;

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
