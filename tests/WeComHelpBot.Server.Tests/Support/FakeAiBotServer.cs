using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// WeCom's AI bot long-connection endpoint on a free 127.0.0.1 port (Kestrel WebSockets). Each connection the bot
/// makes becomes a <see cref="Session"/> the test reads frames from and writes frames to.
/// </summary>
public sealed class FakeAiBotServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<Session> sessions = Channel.CreateUnbounded<Session>();

    private FakeAiBotServer(WebApplication app)
    {
        this.app = app;
    }

    public string Url => app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal) + "/";

    public static async Task<FakeAiBotServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new FakeAiBotServer(builder.Build());
        server.app.UseWebSockets();
        server.app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var session = new Session(socket);
            await server.sessions.Writer.WriteAsync(session);
            await session.PumpAsync(context.RequestAborted);
        });
        await server.app.StartAsync();
        return server;
    }

    /// <summary>The next connection the bot opens, or null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<Session?> NextSessionAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await sessions.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed class Session(WebSocket socket)
    {
        private readonly Channel<JsonObject> received = Channel.CreateUnbounded<JsonObject>();
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(JsonObject frame) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next frame the bot sent that is not a ping (pings are answered), within 20 s.</summary>
        public async Task<JsonObject> ReceiveAsync(bool skipPings = true)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var frame = await received.Reader.ReadAsync(cts.Token);
                if ((string?)frame["cmd"] == "ping")
                {
                    await SendAsync(Ack(frame));
                    if (skipPings)
                    {
                        continue;
                    }
                }

                return frame;
            }
        }

        /// <summary>Ends the connection as a network fault would, without a close handshake.</summary>
        public void Drop()
        {
            socket.Abort();
            closed.TrySetResult();
        }

        public static JsonObject Ack(JsonObject frame) => new()
        {
            ["headers"] = new JsonObject { ["req_id"] = (string?)frame["headers"]!["req_id"] },
            ["errcode"] = 0,
            ["errmsg"] = "ok",
        };

        internal async Task PumpAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (!closed.Task.IsCompleted)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, cancellationToken);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    await received.Writer.WriteAsync(JsonNode.Parse(message.ToArray())!.AsObject(), cancellationToken);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The bot or the test ended the connection.
            }
        }
    }
}
