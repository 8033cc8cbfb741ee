namespace WeComHelpBot.Channels.WeComKf;

/// <summary>Settings of the 微信客服 channel, bound from "WeCom:Kf". The app's CorpId, Secret and callback come from "WeCom".</summary>
public sealed class WeComKfOptions
{
    public const string SectionName = "WeCom:Kf";

    /// <summary>
    /// Where 转人工 moves the session (kf/service_state/trans): 2 = the 待接入池 queue (default), 3 = the servicer in
    /// <see cref="HandoverServicerUserId"/>, 0 = stay with the API so agents answer from /console (kf/send_msg only
    /// reaches customers whose session is 新接入待处理 or 由智能助手接待).
    /// </summary>
    public int HandoverServiceState { get; set; } = 2;

    /// <summary>The member's UserID that receives hand-overs when <see cref="HandoverServiceState"/> is 3.</summary>
    public string? HandoverServicerUserId { get; set; }

    /// <summary>Customer messages older than this when read are not answered (the first sync reads three days back).</summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Messages the bot may send after a customer's message, and for how long (WeCom: 5 within 48 hours).</summary>
    public int WindowMessages { get; set; } = 5;

    public TimeSpan WindowDuration { get; set; } = TimeSpan.FromHours(48);

    public WeComKfWindow Window => new(WindowMessages, WindowDuration);
}
