using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// WeCom's gettoken and the 微信客服 calls (kf/sync_msg, kf/send_msg, kf/send_msg_on_event, kf/service_state/trans) on
/// a free 127.0.0.1 port, in the formats of WeCom's 微信客服 pages. The test appends messages as WeCom would store
/// them; sync_msg serves them from the cursor ("c" + index) in pages of <see cref="PageSize"/>, with has_more.
/// </summary>
public sealed class FakeWeComKfServer : IAsyncDisposable
{
    public const string OpenKfId = "wkTESTKFID000001";
    /// <summary>The start of every callback Token this fake accepts in sync_msg (tests add a counter).</summary>
    public const string EventToken = "ENCApHxnGDNAVNY4AaSJKj4Tb5mws";

    private readonly WebApplication app;
    private readonly List<JsonObject> messages = [];
    private readonly List<(string Path, JsonObject Body)> calls = [];
    private int sequence;

    private FakeWeComKfServer(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl => app.Urls.Single();

    public int PageSize { get; set; } = 2;

    /// <summary>Every POST received, in order: path ("kf/send_msg" …) and body.</summary>
    public IReadOnlyList<(string Path, JsonObject Body)> Calls
    {
        get
        {
            lock (calls)
            {
                return calls.ToList();
            }
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (byte[] Bytes, string ContentType, string? FileName)> media = new(StringComparer.Ordinal);

    public IReadOnlyList<JsonObject> CallsTo(string path) => Calls.Where(c => c.Path == path).Select(c => c.Body).ToList();

    public static async Task<FakeWeComKfServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new FakeWeComKfServer(builder.Build());
        server.app.MapGet("/cgi-bin/gettoken", () => Results.Json(new { errcode = 0, errmsg = "ok", access_token = "KFACCESS", expires_in = 7200 }));
        server.app.MapPost("/cgi-bin/kf/sync_msg", (Func<HttpContext, Task<IResult>>)server.SyncAsync);
        foreach (var path in new[] { "kf/send_msg", "kf/send_msg_on_event", "kf/service_state/trans" })
        {
            server.app.MapPost("/cgi-bin/" + path, async (HttpContext context) =>
            {
                var body = await server.ReadAsync(context, path);
                return body is null ? Results.Json(new { errcode = 40014, errmsg = "invalid access_token" }) : Results.Json(new { errcode = 0, errmsg = "ok", msgid = "sent" + Interlocked.Increment(ref server.sequence) });
            });
        }

        server.app.MapGet("/cgi-bin/media/get", (HttpContext context) =>
            context.Request.Query["access_token"] == "KFACCESS" && server.media.TryGetValue(context.Request.Query["media_id"].ToString(), out var file)
                ? Results.Bytes(file.Bytes, file.ContentType, file.FileName)
                : Results.Json(new { errcode = 40007, errmsg = "invalid media_id" }));

        await server.app.StartAsync();
        return server;
    }

    /// <summary>A file media/get serves for <paramref name="mediaId"/> (a customer's image).</summary>
    public void AddMedia(string mediaId, byte[] bytes, string contentType, string? fileName = null) => media[mediaId] = (bytes, contentType, fileName);

    /// <summary>A customer's text (origin 3), as sync_msg lists it; returns its msgid.</summary>
    public string AddCustomerText(string externalUserId, string content, string? menuId = null, string? msgId = null, DateTimeOffset? sentAt = null)
    {
        msgId ??= "msg" + Interlocked.Increment(ref sequence);
        var text = new JsonObject { ["content"] = content };
        if (menuId is not null)
        {
            text["menu_id"] = menuId;
        }

        Add(new JsonObject
        {
            ["msgid"] = msgId,
            ["open_kfid"] = OpenKfId,
            ["external_userid"] = externalUserId,
            ["send_time"] = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["origin"] = 3,
            ["msgtype"] = "text",
            ["text"] = text,
        });
        return msgId;
    }

    public void AddCustomerMessage(string externalUserId, string msgType, JsonObject content) => Add(new JsonObject
    {
        ["msgid"] = "msg" + Interlocked.Increment(ref sequence),
        ["open_kfid"] = OpenKfId,
        ["external_userid"] = externalUserId,
        ["send_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["origin"] = 3,
        ["msgtype"] = msgType,
        [msgType] = content,
    });

    /// <summary>An event (origin 4) such as enter_session or session_status_change.</summary>
    public void AddEvent(string externalUserId, string eventType, Action<JsonObject> fill)
    {
        var ev = new JsonObject { ["event_type"] = eventType, ["open_kfid"] = OpenKfId, ["external_userid"] = externalUserId };
        fill(ev);
        Add(new JsonObject
        {
            ["msgid"] = "evt" + Interlocked.Increment(ref sequence),
            ["send_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["origin"] = 4,
            ["msgtype"] = "event",
            ["event"] = ev,
        });
    }

    /// <summary>Waits (bounded) until <paramref name="path"/> has been called at least <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(string path, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (CallsTo(path).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return CallsTo(path);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Add(JsonObject message)
    {
        lock (messages)
        {
            messages.Add(message);
        }
    }

    private async Task<JsonObject?> ReadAsync(HttpContext context, string path)
    {
        if (context.Request.Query["access_token"] != "KFACCESS")
        {
            return null;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (calls)
        {
            calls.Add((path, body));
        }

        return body;
    }

    private async Task<IResult> SyncAsync(HttpContext context)
    {
        var body = await ReadAsync(context, "kf/sync_msg");
        if (body is null)
        {
            return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
        }

        if ((string?)body["open_kfid"] != OpenKfId || !((string?)body["token"] ?? string.Empty).StartsWith(EventToken, StringComparison.Ordinal))
        {
            return Results.Json(new { errcode = 95000, errmsg = "invalid token or open_kfid" });
        }

        var cursor = (string?)body["cursor"];
        var start = string.IsNullOrEmpty(cursor) ? 0 : int.Parse(cursor.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        List<JsonObject> page;
        int total;
        lock (messages)
        {
            total = messages.Count;
            page = messages.Skip(start).Take(PageSize).Select(m => (JsonObject)m.DeepClone()).ToList();
        }

        var end = start + page.Count;
        return Results.Text(
            new JsonObject
            {
                ["errcode"] = 0,
                ["errmsg"] = "ok",
                ["next_cursor"] = "c" + end,
                ["has_more"] = end < total ? 1 : 0,
                ["msg_list"] = new JsonArray(page.Select(JsonNode (m) => m).ToArray()),
            }.ToJsonString(),
            "application/json");
    }
}
