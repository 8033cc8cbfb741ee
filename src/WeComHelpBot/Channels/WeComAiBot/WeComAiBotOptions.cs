namespace WeComHelpBot.Channels.WeComAiBot;

/// <summary>The 智能机器人 long connection, bound from "WeCom:AiBot". Without BotId and Secret nothing connects.</summary>
public sealed class WeComAiBotOptions
{
    public const string SectionName = "WeCom:AiBot";

    public string Url { get; set; } = "wss://openws.work.weixin.qq.com";

    public string BotId { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    /// <summary>WeCom's documentation asks for a ping every 30 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting; doubled per failed attempt up to <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the database lease on the connection lasts without renewal (renewed with every heartbeat).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(90);

    public bool Configured => !string.IsNullOrEmpty(BotId) && !string.IsNullOrEmpty(Secret);
}
