namespace WeComHelpBot.Channels.WeCom;

/// <summary>Settings of the WeCom self-built app callback, bound from the "WeCom" section (WeCom__Token … in the environment).</summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    public string CorpId { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string EncodingAESKey { get; set; } = string.Empty;

    /// <summary>The app's AgentId; needed to send messages actively (message/send).</summary>
    public int AgentId { get; set; }

    /// <summary>The app's Secret; needed to send messages actively (message/send).</summary>
    public string Secret { get; set; } = string.Empty;

    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>How long a callback waits for the bot before answering empty and sending the reply through message/send.</summary>
    /// <summary>
    /// Bytes of an image read through media/get; a larger one is cut one byte past this and refused by the image reader
    /// (keep it at Images:MaxImageBytes, the default of both).
    /// </summary>
    public long MaxMediaBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>An image download through media/get (token, headers and body) taking longer than this is given up.</summary>
    public TimeSpan MediaDownloadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How far a callback's timestamp may be from the server's clock before it counts as a replay.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted POST body. A text message is a few kilobytes; anything far larger is refused unread.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How many recent message ids are remembered to answer a retried delivery once.</summary>
    public int DeduplicationCapacity { get; set; } = 20_000;

    /// <summary>
    /// How long handled message ids are remembered in the database, so a replay after a restart is not answered again.
    /// At least <see cref="DeduplicationWindow"/> (a request older than that is refused by its timestamp anyway).
    /// </summary>
    public TimeSpan MessageIdRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>True when the callback can be served: corp id, token and a well-formed EncodingAESKey.</summary>
    public bool CallbackConfigured =>
        !string.IsNullOrEmpty(CorpId) && !string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(EncodingAESKey);

    /// <summary>True when replies can also be sent actively through message/send.</summary>
    public bool ActiveSendConfigured => !string.IsNullOrEmpty(CorpId) && !string.IsNullOrEmpty(Secret) && AgentId > 0;

    /// <summary>A delivery must be remembered for longer than its timestamp stays acceptable, on either side of now.</summary>
    public TimeSpan DeduplicationWindow => TimestampTolerance * 2 + TimeSpan.FromMinutes(1);
}
