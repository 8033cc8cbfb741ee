using System.Net;
using System.Text;
using System.Text.Json;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Bench;

/// <summary>Posts activities to /api/messages with deliveryMode "expectReplies" and checks the replies in the response.</summary>
public sealed class BotFrameworkClient(HttpClient http) : IBenchChannel
{
    public const string BenchChannelId = "bench";

    public string ChannelId => BenchChannelId;

    /// <summary>The server keys a Bot Framework conversation by channel and id (BotFrameworkIdentity), not the bare id the benchmark sends.</summary>
    public string ConversationId(string name) => BotFrameworkIdentity.Qualify(BenchChannelId, name);

    /// <summary>Sends one message; returns null when the server answered 200 with at least one text reply, else what was wrong.</summary>
    public Task<string?> SendAsync(string conversationId, string text, CancellationToken cancellationToken) =>
        SendAsync(conversationId, text, expected: null, cancellationToken);

    /// <summary>As <see cref="SendAsync(string, string, CancellationToken)"/>; with <paramref name="expected"/>, one reply must contain it.</summary>
    public async Task<string?> SendAsync(string conversationId, string text, string? expected, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(Activity(conversationId, text), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}: {Shorten(body)}";
        }

        using var json = JsonDocument.Parse(body);
        var texts = json.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)
            .Where(t => !string.IsNullOrEmpty(t))
            .ToList();
        if (texts.Count == 0)
        {
            return "no text reply";
        }

        return expected is null || texts.Any(t => t!.Contains(expected, StringComparison.Ordinal))
            ? null
            : $"expected a reply containing \"{expected}\", got \"{Shorten(string.Join(" / ", texts))}\"";
    }

    /// <summary>Posts any body (for bad input); returns the status code.</summary>
    public async Task<HttpStatusCode> PostRawAsync(string body, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(body, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode;
    }

    public static string Activity(string conversationId, string text, string type = "message") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = BenchChannelId,
        ["deliveryMode"] = "expectReplies",
        ["serviceUrl"] = "http://127.0.0.1/",
        ["locale"] = "zh-CN",
        ["text"] = text,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = $"user-{conversationId}", name = "测试用户", role = "user" },
        ["recipient"] = new { id = "bot", name = "WeComHelpBot", role = "bot" },
    });

    private Task<HttpResponseMessage> PostAsync(string body, CancellationToken cancellationToken) =>
        http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
