namespace WeComHelpBot.Server.BotFramework;

/// <summary>What /api/messages accepts in local mode (no MicrosoftAppId), bound from the "BotFramework" section.</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>
    /// Networks (CIDR, e.g. 10.0.0.0/8, or single addresses) whose clients may post without authentication, besides
    /// loopback (127.0.0.0/8, ::1), which always may. Empty by default: only this machine.
    /// </summary>
    public List<string> LocalNetworks { get; set; } = [];

    /// <summary>
    /// Origins (scheme://host[:port]) the server may send replies to when an activity names them as its serviceUrl.
    /// Empty by default: only deliveryMode "expectReplies" (the replies in the HTTP response) is served.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];
}
