namespace WeComHelpBot.Channels.WeCom;

/// <summary>What the HTTP host answers a callback with. An empty 200 tells WeCom "received, no passive reply".</summary>
public sealed record WeComCallbackResult(int StatusCode, string Body, string ContentType)
{
    public static WeComCallbackResult Empty { get; } = new(200, string.Empty, "text/plain; charset=utf-8");

    public static WeComCallbackResult Text(string body) => new(200, body, "text/plain; charset=utf-8");

    public static WeComCallbackResult Xml(string body) => new(200, body, "application/xml; charset=utf-8");

    public static WeComCallbackResult Rejected(int statusCode, string reason) => new(statusCode, reason, "text/plain; charset=utf-8");
}
