using System.Text.Json;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>One answer of kf/sync_msg: the messages in order, where to continue, and whether more are waiting.</summary>
public sealed record WeComKfSyncPage(IReadOnlyList<WeComKfMessage> Messages, string? NextCursor, bool HasMore)
{
    public static WeComKfSyncPage Parse(JsonElement root)
    {
        var messages = new List<WeComKfMessage>();
        if (root.TryGetProperty("msg_list", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (WeComKfMessage.Parse(item) is { } message)
                {
                    messages.Add(message);
                }
            }
        }

        var nextCursor = root.TryGetProperty("next_cursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var hasMore = root.TryGetProperty("has_more", out var h) && h.ValueKind == JsonValueKind.Number && h.GetInt32() == 1;
        return new WeComKfSyncPage(messages, string.IsNullOrEmpty(nextCursor) ? null : nextCursor, hasMore);
    }
}
