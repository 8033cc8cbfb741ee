using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Channels.WeComAiBot;

/// <summary>
/// Holds the AI bot's long connection: takes the lease in the shared database (one holder among all server processes),
/// connects to <see cref="WeComAiBotOptions.Url"/>, subscribes with BotId and Secret, pings every
/// <see cref="WeComAiBotOptions.HeartbeatInterval"/> (renewing the lease), hands callbacks to
/// <see cref="WeComAiBotHandler"/>, and reconnects with exponential backoff and jitter. A disconnected_event means
/// another connection took the bot over: logged, and this process stops instead of taking it back.
/// </summary>
public sealed class WeComAiBotConnection : BackgroundService
{
    public const string LeaseName = "wecom-aibot-connection";

    private const int MaxFrameBytes = 1024 * 1024;

    private readonly WeComAiBotOptions options;
    private readonly WeComAiBotHandler handler;
    private readonly ILeaseStore leases;
    private readonly TimeProvider time;
    private readonly ILogger<WeComAiBotConnection> logger;
    private readonly string holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ConcurrentDictionary<Task, byte> callbacks = new();
    private volatile ClientWebSocket? socket;

    public WeComAiBotConnection(IOptions<WeComAiBotOptions> options, WeComAiBotHandler handler, ILeaseStore leases, TimeProvider time, ILogger<WeComAiBotConnection> logger)
    {
        this.options = options.Value;
        this.handler = handler;
        this.leases = leases;
        this.time = time;
        this.logger = logger;
    }

    private enum Outcome
    {
        Failed,
        Closed,
        TakenOver,
    }

    /// <summary>True while subscribed (for the messenger and tests).</summary>
    public bool IsConnected => socket?.State == WebSocketState.Open;

    /// <summary>Writes one frame; false when there is no open connection.</summary>
    public async Task<bool> SendAsync(JsonObject frame, CancellationToken cancellationToken = default)
    {
        var current = socket;
        if (current is null || current.State != WebSocketState.Open)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await current.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            writeGate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Configured)
        {
            return;
        }

        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await leases.TryAcquireAsync(LeaseName, holder, options.LeaseDuration, stoppingToken))
                {
                    // Another process holds the connection; look again when its lease could have lapsed.
                    await Task.Delay(options.LeaseDuration / 3, time, stoppingToken);
                    continue;
                }

                var outcome = await ConnectOnceAsync(stoppingToken);
                if (outcome == Outcome.TakenOver)
                {
                    logger.LogWarning("WeCom AI bot: another connection took this bot over (disconnected_event); this process no longer connects");
                    return;
                }

                failures = outcome == Outcome.Closed ? 1 : failures + 1;
                var delay = Backoff(failures);
                logger.LogInformation("WeCom AI bot connection lost; reconnecting in {Delay}", delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await Task.WhenAll(callbacks.Keys).WaitAsync(TimeSpan.FromSeconds(10), time, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            await leases.ReleaseAsync(LeaseName, holder, CancellationToken.None);
        }
    }

    /// <summary>Exponential from <see cref="WeComAiBotOptions.ReconnectDelay"/>, capped, with ±20 % jitter so processes do not reconnect in step.</summary>
    private TimeSpan Backoff(int failures)
    {
        var baseDelay = options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(baseDelay, options.MaxReconnectDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private async Task<Outcome> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        using var connection = new ClientWebSocket();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await connection.ConnectAsync(new Uri(options.Url), stoppingToken);
            socket = connection;
            var subscribeId = WeComAiBotFrames.NewReqId("aibot_subscribe");
            await SendAsync(WeComAiBotFrames.Subscribe(subscribeId, options.BotId, options.Secret), stoppingToken);
            var ack = await ReceiveAsync(connection, stoppingToken);
            if (ack is null || ReqId(ack.RootElement) != subscribeId || ErrCode(ack.RootElement) != 0)
            {
                logger.LogWarning("WeCom AI bot subscription refused (errcode {ErrorCode}): check WeCom:AiBot:BotId and Secret", ack is null ? -1 : ErrCode(ack.RootElement));
                ack?.Dispose();
                return Outcome.Failed;
            }

            ack.Dispose();
            logger.LogInformation("WeCom AI bot subscribed");
            var heartbeat = HeartbeatAsync(connection, linked.Token);
            try
            {
                return await ReadLoopAsync(connection, stoppingToken);
            }
            finally
            {
                await linked.CancelAsync();
                await heartbeat.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        catch (Exception e) when (e is WebSocketException or JsonException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning("WeCom AI bot connection failed: {ExceptionType}", e.GetType().FullName);
            return Outcome.Failed;
        }
        finally
        {
            socket = null;
        }
    }

    private async Task<Outcome> ReadLoopAsync(ClientWebSocket connection, CancellationToken stoppingToken)
    {
        while (true)
        {
            using var frame = await ReceiveAsync(connection, stoppingToken);
            if (frame is null)
            {
                return Outcome.Closed;
            }

            var root = frame.RootElement;
            var cmd = root.TryGetProperty("cmd", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            switch (cmd)
            {
                case "aibot_msg_callback":
                    Track(handler.OnMessageAsync(root.Clone(), SendOrThrowAsync, stoppingToken));
                    break;
                case "aibot_event_callback" when EventType(root) == "disconnected_event":
                    await connection.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "taken over", CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
                    return Outcome.TakenOver;
                case "aibot_event_callback":
                    Track(handler.OnEventAsync(root.Clone(), SendOrThrowAsync, stoppingToken));
                    break;
                case null when ErrCode(root) != 0:
                    // An answer to one of our frames: a refused reply (too late, too long) is worth knowing about.
                    logger.LogWarning("WeCom AI bot refused a frame with errcode {ErrorCode}", ErrCode(root));
                    break;
            }
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket connection, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (!await leases.TryAcquireAsync(LeaseName, holder, options.LeaseDuration, cancellationToken))
            {
                // The lease lapsed and another process took it: leave the connection to it.
                logger.LogWarning("WeCom AI bot lease lost; closing this connection");
                connection.Abort();
                return;
            }

            await SendAsync(WeComAiBotFrames.Ping(WeComAiBotFrames.NewReqId("ping")), cancellationToken);
        }
    }

    private async Task SendOrThrowAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        if (!await SendAsync(frame, cancellationToken))
        {
            logger.LogInformation("A WeCom AI bot reply was dropped: the connection is closed");
        }
    }

    private void Track(Task callback)
    {
        callbacks.TryAdd(callback, 0);
        _ = callback.ContinueWith(
            done =>
            {
                callbacks.TryRemove(done, out _);
                if (done.Exception is { } e)
                {
                    logger.LogError("A WeCom AI bot callback failed: {ExceptionType}", e.InnerException?.GetType().FullName);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>The next whole text frame, or null when the server closed the connection.</summary>
    private static async Task<JsonDocument?> ReceiveAsync(ClientWebSocket connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await connection.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes)
            {
                throw new InvalidOperationException("WeCom AI bot frame too large");
            }

            if (result.EndOfMessage)
            {
                message.Position = 0;
                return await JsonDocument.ParseAsync(message, cancellationToken: cancellationToken);
            }
        }
    }

    private static string? ReqId(JsonElement root) =>
        root.TryGetProperty("headers", out var h) && h.TryGetProperty("req_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;

    private static int ErrCode(JsonElement root) =>
        root.TryGetProperty("errcode", out var e) && e.TryGetInt32(out var code) ? code : 0;

    private static string? EventType(JsonElement root) =>
        root.TryGetProperty("body", out var body) && body.TryGetProperty("event", out var ev) && ev.TryGetProperty("eventtype", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
}
