using Microsoft.Bot.Schema;

namespace WeComHelpBot.Cli;

/// <summary>
/// The terminal as a channel (id "console", locale zh-CN): the activities a user at the terminal sends, and how the
/// bot's replies read there. Turns run through the channels' <see cref="Channels.ReplyCollectingAdapter"/>, with
/// every registered middleware, like the web chat and WeCom.
/// </summary>
public static class ConsoleChannel
{
    public const string Channel = "console";
    public const string Locale = "zh-CN";

    private static readonly ChannelAccount User = new("cli-user", "用户", RoleTypes.User);
    private static readonly ChannelAccount Bot = new("wecomhelpbot", "企业微信注册助手", RoleTypes.Bot);

    public static Activity Message(string conversationId, string text) => Create(ActivityTypes.Message, conversationId, text);

    /// <summary>The user joining a new conversation, so the bot greets them as on any channel.</summary>
    public static Activity ConversationStart(string conversationId)
    {
        var activity = Create(ActivityTypes.ConversationUpdate, conversationId, null);
        activity.MembersAdded = [User];
        return activity;
    }

    /// <summary>What the user reads for a turn's replies: the messages only (typing indicators and events show nothing).</summary>
    public static IEnumerable<string> RenderMessages(IEnumerable<Activity> replies) =>
        replies.Where(r => r.Type == ActivityTypes.Message).Select(Render);

    /// <summary>The text the user sees for a reply: the message text, plus any buttons the text does not already show.</summary>
    public static string Render(Activity reply)
    {
        var text = reply.Text ?? string.Empty;
        var actions = reply.SuggestedActions?.Actions?.Select(a => a.Title ?? a.Value?.ToString() ?? string.Empty)
            .Where(title => title.Length > 0 && !text.Contains(title, StringComparison.Ordinal))
            .ToList();
        return actions is { Count: > 0 }
            ? text + "\n" + string.Join("\n", actions.Select((a, i) => $"({i + 1}) {a}"))
            : text;
    }

    private static Activity Create(string type, string conversationId, string? text) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = Channel,
        Locale = Locale,
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = DateTimeOffset.Now,
        From = User,
        Recipient = Bot,
        Conversation = new ConversationAccount(id: conversationId),
        ServiceUrl = "console://local",
    };
}
