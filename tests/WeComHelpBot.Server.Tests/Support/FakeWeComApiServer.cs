using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// WeCom's gettoken and message/send on a free 127.0.0.1 port, so the server's active sending runs over real HTTP.
/// Records what it received; can be told to reject the next message/send with an errcode.
/// </summary>
public sealed class FakeWeComApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> sendErrors = new();
    private readonly List<JsonElement> sent = [];
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> media = new();
    private int tokensIssued;

    private FakeWeComApiServer(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl => app.Urls.Single();

    public int TokensIssued => Volatile.Read(ref tokensIssued);

    public IReadOnlyList<JsonElement> Sent
    {
        get
        {
            lock (sent)
            {
                return sent.ToList();
            }
        }
    }

    public static async Task<FakeWeComApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new FakeWeComApiServer(builder.Build());
        server.app.MapGet("/cgi-bin/gettoken", (HttpContext context) =>
        {
            var secretOk = context.Request.Query["corpsecret"] == "test-secret" && context.Request.Query["corpid"] == HelpBotServerFactory.CorpId;
            if (!secretOk)
            {
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }

            var n = Interlocked.Increment(ref server.tokensIssued);
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = $"ACCESS{n}", expires_in = 7200 });
        });
        server.app.MapPost("/cgi-bin/message/send", async (HttpContext context) =>
        {
            var expected = $"ACCESS{server.TokensIssued}";
            if (context.Request.Query["access_token"] != expected)
            {
                return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
            }

            if (server.sendErrors.TryDequeue(out var errcode))
            {
                return Results.Json(new { errcode, errmsg = "rejected by test" });
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            lock (server.sent)
            {
                server.sent.Add(body.RootElement.Clone());
            }

            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        server.app.MapGet("/cgi-bin/media/get", (HttpContext context) =>
        {
            if (context.Request.Query["access_token"] != $"ACCESS{server.TokensIssued}")
            {
                return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
            }

            return server.media.TryGetValue(context.Request.Query["media_id"].ToString(), out var file)
                ? Results.Bytes(file.Bytes, file.ContentType)
                : Results.Json(new { errcode = 40007, errmsg = "invalid media_id" });
        });
        await server.app.StartAsync();
        return server;
    }

    /// <summary>A file media/get serves for <paramref name="mediaId"/>.</summary>
    public void AddMedia(string mediaId, byte[] bytes, string contentType) => media[mediaId] = (bytes, contentType);

    public void RejectNextSendWith(int errcode) => sendErrors.Enqueue(errcode);

    /// <summary>Waits (bounded) until at least <paramref name="count"/> messages have been sent.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForSentAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Sent.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Sent;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
