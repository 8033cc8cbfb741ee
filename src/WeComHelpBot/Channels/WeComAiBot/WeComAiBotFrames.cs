using System.Text.Json.Nodes;
using WeComHelpBot.Channels.WeComKf;

namespace WeComHelpBot.Channels.WeComAiBot;

/// <summary>
/// The JSON frames of the 智能机器人 long connection (developer documentation, 智能机器人长连接): every frame is
/// {cmd, headers: {req_id}, body}; a reply to a callback carries the callback's req_id; WeCom answers each frame with
/// {headers: {req_id}, errcode, errmsg}.
/// </summary>
public static class WeComAiBotFrames
{
    /// <summary>A stream's content is replaced in full by each update and may hold at most this many UTF-8 bytes.</summary>
    public const int MaxStreamBytes = 20_480;

    /// <summary>Buttons of one button_interaction card (WeCom shows at most six).</summary>
    public const int MaxButtons = 6;

    public const string ChoiceKeyPrefix = "choice:";

    public const string FeedbackIdPrefix = "fb:";

    public static JsonObject Subscribe(string reqId, string botId, string secret) =>
        Frame("aibot_subscribe", reqId, new JsonObject { ["bot_id"] = botId, ["secret"] = secret });

    public static JsonObject Ping(string reqId) => new() { ["cmd"] = "ping", ["headers"] = new JsonObject { ["req_id"] = reqId } };

    /// <summary>One update of a streamed reply; the last one has <paramref name="finish"/> and may ask for 👍/👎 feedback.</summary>
    public static JsonObject Stream(string reqId, string streamId, string content, bool finish, string? feedbackId = null)
    {
        var stream = new JsonObject
        {
            ["id"] = streamId,
            ["finish"] = finish,
            ["content"] = WeComKfMessages.Truncate(content, MaxStreamBytes),
        };
        if (finish && feedbackId is not null)
        {
            stream["feedback"] = new JsonObject { ["id"] = feedbackId };
        }

        return Frame("aibot_respond_msg", reqId, new JsonObject { ["msgtype"] = "stream", ["stream"] = stream });
    }

    /// <summary>A button_interaction card: one button per choice, its key "choice:" + the choice.</summary>
    public static JsonObject ChoiceCard(string reqId, string title, IReadOnlyList<string> choices)
    {
        var buttons = new JsonArray();
        foreach (var choice in choices.Take(MaxButtons))
        {
            buttons.Add(new JsonObject { ["text"] = choice, ["style"] = 1, ["key"] = ChoiceKeyPrefix + choice });
        }

        var card = new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["main_title"] = new JsonObject { ["title"] = WeComKfMessages.Truncate(title, 120) },
            ["button_list"] = buttons,
            ["task_id"] = "choices-" + Guid.NewGuid().ToString("N"),
        };
        return Frame("aibot_respond_msg", reqId, new JsonObject { ["msgtype"] = "template_card", ["template_card"] = card });
    }

    public static JsonObject Welcome(string reqId, string text) =>
        Frame("aibot_respond_welcome_msg", reqId, new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } });

    /// <summary>A message sent outside a callback (aibot_send_msg): markdown to a user (single chat) or a group's chatid.</summary>
    public static JsonObject SendMarkdown(string reqId, string chatId, string content) =>
        Frame("aibot_send_msg", reqId, new JsonObject
        {
            ["chatid"] = chatId,
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = WeComKfMessages.Truncate(content, MaxStreamBytes) },
        });

    public static string NewReqId(string kind) => $"{kind}_{Guid.NewGuid():N}";

    private static JsonObject Frame(string cmd, string reqId, JsonObject body) => new()
    {
        ["cmd"] = cmd,
        ["headers"] = new JsonObject { ["req_id"] = reqId },
        ["body"] = body,
    };
}
