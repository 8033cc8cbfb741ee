using System.Net;
using System.Text;
using System.Text.Json;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// One turn posted to /api/messages as an emulator message with deliveryMode expectReplies, so the bot's replies come
/// back in the response body rather than through a connector the tests would have to run.
/// </summary>
public static class ExpectRepliesTurn
{
    /// <returns>The response's status and the text of each reply (null for a reply without text).</returns>
    public static async Task<(HttpStatusCode Status, IReadOnlyList<string?> Texts)> PostAsync(
        HttpClient client, string activityId, string conversationId, string userId, string userName, string text)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["channelId"] = "emulator",
            ["conversation"] = new { id = conversationId },
            ["from"] = new { id = userId, name = userName },
            ["recipient"] = new { id = "bot-1", name = "bot" },
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["deliveryMode"] = "expectReplies",
        });
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        using var replies = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var texts = replies.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)
            .ToList();
        return (response.StatusCode, texts);
    }
}
