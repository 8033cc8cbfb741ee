using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Cli;

/// <summary>
/// A Bot Builder adapter for the terminal (channel "console", locale zh-CN): each turn runs the middleware and the
/// bot through <see cref="BotAdapter.RunPipelineAsync"/>, and the activities the bot sends are collected and returned.
/// </summary>
public sealed class ConsoleAdapter : BotAdapter
{
    public const string Channel = "console";
    public const string Locale = "zh-CN";

    private const string RepliesKey = "ConsoleAdapter.Replies";
    private static readonly ChannelAccount User = new("cli-user", "用户", RoleTypes.User);
    private static readonly ChannelAccount Bot = new("wecomhelpbot", "企业微信注册助手", RoleTypes.Bot);

    public ConsoleAdapter(IEnumerable<IMiddleware> middleware)
    {
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    /// <summary>Runs one turn and returns the message activities the bot sent during it, in order.</summary>
    public async Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        var replies = new List<Activity>();
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(RepliesKey, replies);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
        return replies;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var replies = turnContext.TurnState.Get<List<Activity>>(RepliesKey);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            activity.Id ??= Guid.NewGuid().ToString("N");
            if (activity.Type == ActivityTypes.Message)
            {
                replies?.Add(activity);
            }

            responses[i] = new ResourceResponse(activity.Id);
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("终端里不能修改已发出的消息。");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("终端里不能撤回已发出的消息。");

    public static Activity Message(string conversationId, string text) => Create(ActivityTypes.Message, conversationId, text);

    /// <summary>The user joining a new conversation, so the bot greets them as on any channel.</summary>
    public static Activity ConversationStart(string conversationId)
    {
        var activity = Create(ActivityTypes.ConversationUpdate, conversationId, null);
        activity.MembersAdded = [User];
        return activity;
    }

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
