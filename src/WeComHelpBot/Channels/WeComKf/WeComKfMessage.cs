using System.Text.Json;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// A message or event read with kf/sync_msg. <see cref="Origin"/>: 3 = the WeChat customer, 4 = an event from WeCom,
/// 5 = a servicer in the WeCom client. Events carry <see cref="EventType"/> (enter_session, session_status_change …) and
/// their one-time codes (welcome_code, msg_code).
/// </summary>
public sealed record WeComKfMessage
{
    public const int OriginCustomer = 3;
    public const int OriginEvent = 4;

    public required string MsgId { get; init; }

    public required string OpenKfId { get; init; }

    public string? ExternalUserId { get; init; }

    public long SendTime { get; init; }

    public int Origin { get; init; }

    public required string MsgType { get; init; }

    public string? Text { get; init; }

    /// <summary>The id of the msgmenu item the customer clicked (the text is the item's content).</summary>
    public string? MenuId { get; init; }

    /// <summary>An image or file message's media_id, for media/get.</summary>
    public string? MediaId { get; init; }

    public string? EventType { get; init; }

    public string? WelcomeCode { get; init; }

    public string? MsgCode { get; init; }

    /// <summary>session_status_change: 1 taken from the queue, 2 transferred, 3 ended, 4 reopened.</summary>
    public int? ChangeType { get; init; }

    public static WeComKfMessage? Parse(JsonElement item)
    {
        var msgId = String(item, "msgid");
        var msgType = String(item, "msgtype");
        if (string.IsNullOrEmpty(msgId) || string.IsNullOrEmpty(msgType))
        {
            return null;
        }

        var message = new WeComKfMessage
        {
            MsgId = msgId,
            MsgType = msgType,
            OpenKfId = String(item, "open_kfid") ?? string.Empty,
            ExternalUserId = String(item, "external_userid"),
            SendTime = Number(item, "send_time") ?? 0,
            Origin = (int)(Number(item, "origin") ?? 0),
        };
        if (msgType == "text" && item.TryGetProperty("text", out var text))
        {
            message = message with { Text = String(text, "content"), MenuId = String(text, "menu_id") };
        }
        else if (msgType is "image" or "file" && item.TryGetProperty(msgType, out var media))
        {
            message = message with { MediaId = String(media, "media_id") };
        }
        else if (msgType == "event" && item.TryGetProperty("event", out var ev))
        {
            // Events name the customer and the account inside the event object.
            message = message with
            {
                EventType = String(ev, "event_type"),
                OpenKfId = String(ev, "open_kfid") ?? message.OpenKfId,
                ExternalUserId = String(ev, "external_userid") ?? message.ExternalUserId,
                WelcomeCode = String(ev, "welcome_code"),
                MsgCode = String(ev, "msg_code"),
                ChangeType = (int?)Number(ev, "change_type"),
            };
        }

        return message;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : null;
}
