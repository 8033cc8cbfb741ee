namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// A decrypted callback message. <see cref="MsgType"/> is "text", "image", "event" …;
/// <see cref="Event"/> is set for events ("enter_agent", "subscribe" …).
/// </summary>
public sealed record WeComMessage
{
    public required string ToUserName { get; init; }

    public required string FromUserName { get; init; }

    public long CreateTime { get; init; }

    public required string MsgType { get; init; }

    public string? Content { get; init; }

    public string? MsgId { get; init; }

    public string? AgentId { get; init; }

    public string? Event { get; init; }

    /// <summary>The media id of an image (or voice, file) message, downloaded through media/get.</summary>
    public string? MediaId { get; init; }

    public string? EventKey { get; init; }

    /// <summary>kf_msg_or_event: the token to pass to kf/sync_msg (valid 10 minutes).</summary>
    public string? Token { get; init; }

    /// <summary>kf_msg_or_event: the 客服帐号 with new messages.</summary>
    public string? OpenKfId { get; init; }

    public bool IsKfEvent => IsEvent && string.Equals(Event, "kf_msg_or_event", StringComparison.Ordinal) && !string.IsNullOrEmpty(OpenKfId);

    public bool IsEvent => string.Equals(MsgType, "event", StringComparison.OrdinalIgnoreCase);

    /// <summary>WeCom retries a delivery up to three times: messages are told apart by MsgId, events by sender and time.</summary>
    public string DeduplicationKey => IsKfEvent
        ? $"kf:{OpenKfId}:{CreateTime}:{Token}"
        : !IsEvent && !string.IsNullOrEmpty(MsgId)
        ? $"msg:{MsgId}"
        : $"evt:{FromUserName}:{CreateTime}:{Event}";
}
