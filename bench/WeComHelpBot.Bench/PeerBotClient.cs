using System.Net;
using System.Text;
using System.Text.Json;

namespace WeComHelpBot.Bench;

/// <summary>
/// The JavaScript peer's conversation (its README and bot.js SCRIPT): 你好 → 认证 → 个体工商户 → 是 → 120, each reply checked
/// the way its own bench-http.js checks it, posted to its /api/messages with deliveryMode "expectReplies".
/// </summary>
public sealed class PeerBotClient(HttpClient http) : IBenchChannel
{
    /// <summary>What a conversation sends, in turn, and a text the reply to each must contain.</summary>
    public static readonly (string Text, string Expected)[] Script =
    [
        ("你好", "您好!我是认证助手。"),
        ("认证", "请选择主体类型:"),
        ("个体工商户", "法人有微信吗?"),
        ("是", "有多少员工?"),
        ("120", "推荐方案:个体工商户"),
    ];

    public string ChannelId => "test";

    public string ConversationId(string name) => name;

    /// <summary>Sends the script's message for the text given (its step), checking the reply.</summary>
    public async Task<string?> SendAsync(string name, string text, CancellationToken cancellationToken)
    {
        var expected = Script.First(step => step.Text == text).Expected;
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["channelId"] = ChannelId,
            ["serviceUrl"] = "http://127.0.0.1:1",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "zh-CN",
            ["text"] = text,
            ["conversation"] = new { id = name },
            ["from"] = new { id = $"user-{name}", name = "user", role = "user" },
            ["recipient"] = new { id = "bot", name = "bot", role = "bot" },
        });
        using var response = await http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}";
        }

        using var json = JsonDocument.Parse(content);
        var texts = json.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null);
        return texts.Any(t => t is not null && t.Contains(expected, StringComparison.Ordinal)) ? null : $"no reply containing \"{expected}\" to \"{text}\"";
    }
}
