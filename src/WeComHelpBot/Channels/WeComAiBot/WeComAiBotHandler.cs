using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Dialogs.Choices;

namespace WeComHelpBot.Channels.WeComAiBot;

/// <summary>
/// What the AI bot's callbacks mean to the bot. A message (text, mixed, voice as text, a quote's reply) is a turn of the
/// member's conversation, or of the group's in a group chat (WeCom pushes group messages only when the bot is
/// mentioned); its replies are streamed: a first update at once, then the whole text so far after each reply, the last
/// update with finish and 👍/👎 feedback. Choices follow as a button card, whose click is the member's answer.
/// enter_chat gets the greeting, feedback_event goes to analytics as 有帮助 / 没帮助.
/// </summary>
public sealed partial class WeComAiBotHandler
{
    public const string ChannelId = "wecom-aibot";

    private const string Placeholder = "正在查找，请稍候…";
    private const string NonText = "抱歉，图片、语音和文件我还看不懂。请直接打字描述您的问题；需要人工帮忙请说“转人工”。";

    private readonly IBot bot;
    private readonly ReplyCollectingAdapter adapter;
    private readonly ConversationTurnGate turnGate;
    private readonly SupportAnalytics analytics;
    private readonly WeComUserPseudonym? pseudonym;
    private readonly WeComMessageIdStore handledMessages;
    private readonly ILogger<WeComAiBotHandler> logger;

    public WeComAiBotHandler(
        IBot bot,
        ReplyCollectingAdapter adapter,
        ConversationTurnGate turnGate,
        SupportAnalytics analytics,
        WeComMessageIdStore handledMessages,
        IOptions<WeComAiBotOptions> options,
        ILogger<WeComAiBotHandler> logger)
    {
        this.handledMessages = handledMessages;
        this.bot = bot;
        this.adapter = adapter;
        this.turnGate = turnGate;
        this.analytics = analytics;
        this.logger = logger;
        if (options.Value.Configured)
        {
            // The AI bot has no EncodingAESKey in long-connection mode: its Secret keys the pseudonyms instead.
            pseudonym = new WeComUserPseudonym(options.Value.Secret, options.Value.BotId);
        }
    }

    /// <summary>The key under which an AI bot message id is remembered (apart from the app's ids).</summary>
    public static string MessageIdKey(string msgId) => "aibot:" + msgId;

    /// <summary>An aibot_msg_callback frame; <paramref name="sendAsync"/> writes a frame to the connection.</summary>
    public async Task OnMessageAsync(JsonElement frame, Func<JsonObject, CancellationToken, Task> sendAsync, CancellationToken cancellationToken = default)
    {
        var reqId = ReqId(frame);
        if (pseudonym is null || reqId is null || !frame.TryGetProperty("body", out var body))
        {
            return;
        }

        // Remembered in the database like the app's message ids: a callback WeCom delivers again after a reconnect, to
        // this process or another, is not answered twice.
        if (Str(body, "msgid") is { } msgId && !await handledMessages.TryRegisterAsync(MessageIdKey(msgId), cancellationToken))
        {
            return;
        }

        var conversationId = ConversationIdFor(body);
        var userId = body.TryGetProperty("from", out var from) ? Str(from, "userid") : null;
        if (conversationId is null || userId is null)
        {
            return;
        }

        var streamId = "s" + Guid.NewGuid().ToString("N");
        var text = TextOf(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            await sendAsync(WeComAiBotFrames.Stream(reqId, streamId, NonText, finish: true), cancellationToken);
            return;
        }

        // WeCom shows the bot as typing until the first update; the turn may take a moment (retrieval, storage).
        await sendAsync(WeComAiBotFrames.Stream(reqId, streamId, Placeholder, finish: false), cancellationToken);
        var replies = await RunTurnAsync(conversationId, userId, body, text, cancellationToken);
        await StreamRepliesAsync(reqId, streamId, conversationId, replies, sendAsync, cancellationToken);
    }

    /// <summary>An aibot_event_callback frame other than disconnected_event (the connection handles that one).</summary>
    public async Task OnEventAsync(JsonElement frame, Func<JsonObject, CancellationToken, Task> sendAsync, CancellationToken cancellationToken = default)
    {
        var reqId = ReqId(frame);
        if (pseudonym is null || reqId is null || !frame.TryGetProperty("body", out var body) || !body.TryGetProperty("event", out var ev))
        {
            return;
        }

        var conversationId = ConversationIdFor(body);
        var userId = body.TryGetProperty("from", out var from) ? Str(from, "userid") : null;
        switch (Str(ev, "eventtype"))
        {
            case "enter_chat" when conversationId is not null && userId is not null:
            {
                var replies = await RunTurnAsync(conversationId, userId, body, WeComKfTexts.EnterSessionGreeting, cancellationToken);
                var choices = WeComKfActivityMapper.Choices(replies);
                var welcome = WeComActivityMapper.ReplyText(replies);
                if (welcome is not null)
                {
                    var content = choices.Count > 0 ? ChoiceFactory.RenderText(welcome, choices.Select(c => new Choice(c)).ToList()) : welcome;
                    await sendAsync(WeComAiBotFrames.Welcome(reqId, content), cancellationToken);
                }

                break;
            }

            case "template_card_event" when conversationId is not null && userId is not null:
            {
                var key = ev.TryGetProperty("template_card_event", out var card) ? Str(card, "event_key") : null;
                if (key is null || !key.StartsWith(WeComAiBotFrames.ChoiceKeyPrefix, StringComparison.Ordinal))
                {
                    return;
                }

                var streamId = "s" + Guid.NewGuid().ToString("N");
                var replies = await RunTurnAsync(conversationId, userId, body, key[WeComAiBotFrames.ChoiceKeyPrefix.Length..], cancellationToken);
                await StreamRepliesAsync(reqId, streamId, conversationId, replies, sendAsync, cancellationToken);
                break;
            }

            case "feedback_event":
            {
                var feedback = ev.TryGetProperty("feedback_event", out var f) ? f : default;
                var id = feedback.ValueKind == JsonValueKind.Object ? Str(feedback, "id") : null;
                var type = feedback.ValueKind == JsonValueKind.Object && feedback.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 0;

                // 1 = 准确 (👍), 2 = 不准确 (👎); 3 withdraws a rating and is not counted.
                if (id is not null && id.StartsWith(WeComAiBotFrames.FeedbackIdPrefix, StringComparison.Ordinal) && type is 1 or 2)
                {
                    await analytics.RecordFeedbackAsync(id[WeComAiBotFrames.FeedbackIdPrefix.Length..], entryId: null, question: null, helpful: type == 1, cancellationToken: cancellationToken);
                }

                break;
            }
        }
    }

    private async Task StreamRepliesAsync(string reqId, string streamId, string conversationId, IReadOnlyList<Activity> replies, Func<JsonObject, CancellationToken, Task> sendAsync, CancellationToken cancellationToken)
    {
        var texts = replies.Where(r => r.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Text!.Trim()).ToList();
        var choices = WeComKfActivityMapper.Choices(replies);
        var card = choices.Count is > 0 and <= WeComAiBotFrames.MaxButtons;
        if (choices.Count > WeComAiBotFrames.MaxButtons && texts.Count > 0)
        {
            texts[^1] = ChoiceFactory.RenderText(texts[^1], choices.Select(c => new Choice(c)).ToList());
        }

        var soFar = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            if (soFar.Length > 0)
            {
                soFar.Append("\n\n");
            }

            soFar.Append(texts[i]);
            var last = i == texts.Count - 1;
            await sendAsync(WeComAiBotFrames.Stream(reqId, streamId, soFar.ToString(), last, last ? WeComAiBotFrames.FeedbackIdPrefix + conversationId : null), cancellationToken);
        }

        if (texts.Count == 0)
        {
            await sendAsync(WeComAiBotFrames.Stream(reqId, streamId, ChannelTexts.TurnFailed, finish: true), cancellationToken);
        }

        if (card)
        {
            await sendAsync(WeComAiBotFrames.ChoiceCard(reqId, "请选择：", choices), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Activity>> RunTurnAsync(string conversationId, string userId, JsonElement body, string text, CancellationToken cancellationToken)
    {
        var isGroup = Str(body, "chattype") == "group";
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Str(body, "msgid") ?? Guid.NewGuid().ToString("N"),
            ChannelId = ChannelId,
            ServiceUrl = $"{ChannelId}:",
            From = new ChannelAccount(userId, role: RoleTypes.User),
            Recipient = new ChannelAccount(Str(body, "aibotid") ?? ChannelId, role: RoleTypes.Bot),
            Conversation = new ConversationAccount(isGroup: isGroup, id: conversationId),
            Locale = "zh-CN",
            Text = text,
        };
        using var lease = await turnGate.EnterAsync(conversationId, cancellationToken);
        return await adapter.ProcessActivityAsync(activity, bot, cancellationToken);
    }

    /// <summary>Group chats share one conversation, keyed by the group; single chats one per member.</summary>
    private string? ConversationIdFor(JsonElement body)
    {
        if (Str(body, "chattype") == "group" && Str(body, "chatid") is { } chatId)
        {
            return $"{ChannelId}:g{pseudonym!.For("group/" + chatId)}";
        }

        var userId = body.TryGetProperty("from", out var from) ? Str(from, "userid") : null;
        return userId is null ? null : $"{ChannelId}:{pseudonym!.For(userId)}";
    }

    /// <summary>The words of a text, mixed or voice message (voice arrives transcribed); mentions of the bot removed.</summary>
    private static string? TextOf(JsonElement body)
    {
        string? text = Str(body, "msgtype") switch
        {
            "text" => body.TryGetProperty("text", out var t) ? Str(t, "content") : null,
            "voice" => body.TryGetProperty("voice", out var v) ? Str(v, "content") : null,
            "mixed" => body.TryGetProperty("mixed", out var m) && m.TryGetProperty("msg_item", out var items) && items.ValueKind == JsonValueKind.Array
                ? string.Join("\n", items.EnumerateArray().Where(i => Str(i, "msgtype") == "text" && i.TryGetProperty("text", out _)).Select(i => Str(i.GetProperty("text"), "content")))
                : null,
            _ => null,
        };
        return text is null ? null : Mention().Replace(text, string.Empty).Trim();
    }

    private static string? ReqId(JsonElement frame) =>
        frame.TryGetProperty("headers", out var headers) ? Str(headers, "req_id") : null;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"(^|\s)@\S+\s*")]
    private static partial Regex Mention();
}
