using System.Text;
using System.Text.Json.Nodes;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// Bodies of kf/send_msg and kf/send_msg_on_event. Limits from WeCom's 发送消息 page: text ≤ 2048 bytes; msgmenu
/// head_content and tail_content ≤ 1024 bytes, click items' id and content ≤ 128 bytes, and (our choice) at most 10 items.
/// </summary>
public static class WeComKfMessages
{
    public const int MaxTextBytes = 2048;
    public const int MaxMenuTextBytes = 1024;
    public const int MaxMenuItemBytes = 128;
    public const int MaxMenuItems = 10;

    public static JsonObject Text(string content) => new()
    {
        ["msgtype"] = "text",
        ["text"] = new JsonObject { ["content"] = Truncate(content, MaxTextBytes) },
    };

    /// <summary>A menu: <paramref name="head"/> above, one click item per (id, content), <paramref name="tail"/> below.</summary>
    public static JsonObject Menu(string head, IEnumerable<(string Id, string Content)> items, string? tail = null)
    {
        var list = new JsonArray();
        foreach (var (id, content) in items.Take(MaxMenuItems))
        {
            list.Add(new JsonObject
            {
                ["type"] = "click",
                ["click"] = new JsonObject { ["id"] = Truncate(id, MaxMenuItemBytes), ["content"] = Truncate(content, MaxMenuItemBytes) },
            });
        }

        var menu = new JsonObject { ["head_content"] = Truncate(head, MaxMenuTextBytes), ["list"] = list };
        if (!string.IsNullOrEmpty(tail))
        {
            menu["tail_content"] = Truncate(tail, MaxMenuTextBytes);
        }

        return new JsonObject { ["msgtype"] = "msgmenu", ["msgmenu"] = menu };
    }

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxBytes"/> UTF-8 bytes, never inside a character.</summary>
    public static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(i, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            i += width;
        }

        return text[..i];
    }
}
