using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Images;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// The WeCom self-built app callback, independent of the HTTP host. Cheap checks come first (configuration,
/// size, parameters, timestamp window, corp id, signature), so a forged, replayed or oversized request is
/// refused before any decryption. A verified message runs one bot turn (retried and replayed deliveries are answered
/// once, also across restarts: <see cref="WeComMessageIdStore"/>);
/// if the turn outlasts <see cref="WeComOptions.ReplyTimeout"/>, the callback answers empty and the reply goes
/// out later through message/send. Never logs secrets, tokens or message content.
/// </summary>
public sealed class WeComCallbackHandler : IDisposable
{
    private readonly WeComOptions options;
    private readonly WeComCrypto? crypto;
    private readonly WeComUserPseudonym? pseudonym;
    private readonly IBot bot;
    private readonly ReplyCollectingAdapter adapter;
    private readonly ConversationTurnGate turnGate;
    private readonly WeComApiClient apiClient;
    private readonly IWeComKfEventSink kf;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<WeComCallbackHandler> logger;
    private readonly WeComMessageIdStore handledMessages;
    private readonly CancellationTokenSource shutdown = new();
    private readonly ConcurrentDictionary<Task, byte> lateDeliveries = new();

    public WeComCallbackHandler(
        IOptions<WeComOptions> options,
        IBot bot,
        ReplyCollectingAdapter adapter,
        ConversationTurnGate turnGate,
        WeComApiClient apiClient,
        IWeComKfEventSink kf,
        WeComMessageIdStore handledMessages,
        TimeProvider timeProvider,
        ILogger<WeComCallbackHandler> logger)
    {
        this.options = options.Value;
        this.bot = bot;
        this.adapter = adapter;
        this.turnGate = turnGate;
        this.apiClient = apiClient;
        this.kf = kf;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.handledMessages = handledMessages;
        if (this.options.CallbackConfigured)
        {
            crypto = new WeComCrypto(this.options.Token, this.options.EncodingAESKey, this.options.CorpId);
            pseudonym = new WeComUserPseudonym(this.options.EncodingAESKey, this.options.CorpId);
        }
    }

    public bool IsConfigured => crypto is not null;

    public int MaxBodyBytes => options.MaxBodyBytes;

    /// <summary>Replies sent later through message/send that are still on their way (for shutdown and tests).</summary>
    public Task WhenLateDeliveriesDoneAsync() => Task.WhenAll(lateDeliveries.Keys);

    /// <summary>GET: WeCom checks the URL by asking us to decrypt echostr; the answer is the bare plaintext.</summary>
    public WeComCallbackResult VerifyUrl(WeComQuery query)
    {
        if (crypto is null)
        {
            return NotConfigured();
        }

        if (string.IsNullOrEmpty(query.EchoStr))
        {
            return Reject(400, "missing echostr");
        }

        var precheck = CheckQuery(query);
        if (precheck is not null)
        {
            return precheck;
        }

        if (!crypto.VerifySignature(query.MsgSignature, query.Timestamp!, query.Nonce!, query.EchoStr))
        {
            return Reject(403, "signature mismatch");
        }

        try
        {
            return WeComCallbackResult.Text(crypto.DecryptForReceiver(query.EchoStr));
        }
        catch (WeComCryptoException e)
        {
            return RejectCrypto(e);
        }
    }

    /// <summary>POST: a member's message or event. <paramref name="body"/> is the raw request body.</summary>
    public async Task<WeComCallbackResult> HandleMessageAsync(WeComQuery query, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (crypto is null)
        {
            return NotConfigured();
        }

        if (body.Length > options.MaxBodyBytes)
        {
            return Reject(413, "body too large");
        }

        var precheck = CheckQuery(query);
        if (precheck is not null)
        {
            return precheck;
        }

        WeComMessage message;
        try
        {
            var envelope = WeComXml.ParseEnvelope(body);
            if (!string.Equals(envelope.ToUserName, options.CorpId, StringComparison.Ordinal))
            {
                return Reject(403, "corp id mismatch");
            }

            if (!crypto.VerifySignature(query.MsgSignature, query.Timestamp!, query.Nonce!, envelope.Encrypt))
            {
                return Reject(403, "signature mismatch");
            }

            message = WeComXml.ParseMessage(crypto.DecryptForReceiver(envelope.Encrypt));
        }
        catch (WeComCryptoException e)
        {
            return RejectCrypto(e);
        }

        if (!await handledMessages.TryRegisterAsync(message.DeduplicationKey, cancellationToken))
        {
            logger.LogInformation("WeCom redelivered a {MsgType} already handled; answered empty", message.MsgType);
            return WeComCallbackResult.Empty;
        }

        if (message.IsKfEvent)
        {
            // The event only says "read kf/sync_msg"; WeCom wants its 200 at once, the answers go out by kf/send_msg.
            TrackLateDelivery(SyncKfAsync(message.Token, message.OpenKfId!));
            return WeComCallbackResult.Empty;
        }

        // The time limit starts before the turn: a turn that goes on on another thread cannot outrun its own timer.
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(options.ReplyTimeout, timeProvider, stopWaiting.Token);
        var turn = RunTurnAsync(message);
        IReadOnlyList<Activity> replies;
        try
        {
            if (await Task.WhenAny(turn, deadline) != turn)
            {
                throw new TimeoutException();
            }

            await stopWaiting.CancelAsync();
            replies = await turn;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Also when WeCom hung up or the turn finished just as time ran out: the reply still reaches the member.
            logger.LogInformation("A WeCom turn outlasted {Timeout}; its reply will go through message/send", options.ReplyTimeout);
            TrackLateDelivery(DeliverLaterAsync(turn, message.FromUserName));
            return WeComCallbackResult.Empty;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError("A WeCom turn failed outside the bot: {ExceptionType}", e.GetType().FullName);
            return WeComCallbackResult.Empty;
        }

        var text = WeComActivityMapper.ReplyText(replies);
        if (text is null)
        {
            return WeComCallbackResult.Empty;
        }

        var pieces = WeComTextSplitter.Split(text);
        if (pieces.Count > 1)
        {
            TrackLateDelivery(SendPiecesAsync(message.FromUserName, pieces.Skip(1).ToList()));
        }

        return PassiveReply(message, pieces[0], query.Nonce!);
    }

    public void Dispose()
    {
        shutdown.Cancel();
        shutdown.Dispose();
    }

    private WeComCallbackResult PassiveReply(WeComMessage message, string content, string nonce)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var timestamp = now.ToString(CultureInfo.InvariantCulture);
        var plain = WeComXml.BuildTextReply(message.FromUserName, options.CorpId, now, content);
        var encrypted = crypto!.Encrypt(plain);
        var signature = crypto.ComputeSignature(timestamp, nonce, encrypted);
        return WeComCallbackResult.Xml(WeComXml.BuildEncryptedReply(encrypted, signature, timestamp, nonce));
    }

    /// <summary>Parameter presence and the replay window: checked before anything is parsed or decrypted.</summary>
    private WeComCallbackResult? CheckQuery(WeComQuery query)
    {
        if (string.IsNullOrEmpty(query.MsgSignature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            return Reject(400, "missing msg_signature, timestamp or nonce");
        }

        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Reject(400, "timestamp is not a number");
        }

        var age = timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs((double)age) > options.TimestampTolerance.TotalSeconds)
        {
            return Reject(403, "timestamp outside the accepted window");
        }

        return null;
    }

    private async Task<IReadOnlyList<Activity>> RunTurnAsync(WeComMessage message)
    {
        var activity = WeComActivityMapper.ToActivity(message, pseudonym!);
        if (string.Equals(message.MsgType, "image", StringComparison.OrdinalIgnoreCase))
        {
            activity.Attachments = [await DownloadImageAsync(message.MediaId)];
        }

        using var lease = await turnGate.EnterTurnAsync(activity.Conversation.Id, bot, shutdown.Token);
        return await adapter.ProcessActivityAsync(activity, lease.Bot, shutdown.Token);
    }

    private async Task SyncKfAsync(string? token, string openKfId)
    {
        try
        {
            await kf.HandleEventAsync(token, openKfId, shutdown.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("A 微信客服 sync failed: {ExceptionType}", e.GetType().FullName);
        }
    }

    /// <summary>
    /// The image through media/get with the media byte limit, as an inline attachment for the bot; when it cannot be
    /// downloaded, an image attachment without content (the bot then asks for it again or for the text).
    /// </summary>
    private async Task<Attachment> DownloadImageAsync(string? mediaId) =>
        await apiClient.TryDownloadMediaAsync(mediaId, shutdown.Token) is { } media
            ? ImageAttachment.FromBytes(media.Bytes, media.ContentType)
            : new Attachment("image/*");

    private async Task DeliverLaterAsync(Task<IReadOnlyList<Activity>> turn, string userId)
    {
        IReadOnlyList<Activity> replies;
        try
        {
            replies = await turn;
        }
        catch (Exception e)
        {
            logger.LogError("A late WeCom turn failed outside the bot: {ExceptionType}", e.GetType().FullName);
            return;
        }

        var text = WeComActivityMapper.ReplyText(replies);
        if (text is not null)
        {
            await SendPiecesAsync(userId, WeComTextSplitter.Split(text));
        }
    }

    private async Task SendPiecesAsync(string userId, IReadOnlyList<string> pieces)
    {
        if (!options.ActiveSendConfigured)
        {
            logger.LogWarning(
                "Dropped {Count} WeCom reply piece(s): set WeCom:Secret and WeCom:AgentId to send replies through message/send",
                pieces.Count);
            return;
        }

        try
        {
            foreach (var piece in pieces)
            {
                await apiClient.SendTextAsync(userId, piece, shutdown.Token);
            }
        }
        catch (WeComApiException e)
        {
            logger.LogWarning("WeCom message/send failed with errcode {ErrorCode}", e.ErrorCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning("WeCom message/send could not be reached: {ExceptionType}", e.GetType().FullName);
        }
    }

    private void TrackLateDelivery(Task delivery)
    {
        lateDeliveries.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(
            (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
            lateDeliveries,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private WeComCallbackResult NotConfigured()
    {
        logger.LogWarning("WeCom callback called but WeCom:CorpId, WeCom:Token or WeCom:EncodingAESKey is not set");
        return WeComCallbackResult.Rejected(404, "WeCom callback is not configured");
    }

    private WeComCallbackResult RejectCrypto(WeComCryptoException e) => e.Code switch
    {
        WeComErrorCode.ValidateCorpIdError => Reject(403, "receive id mismatch", e.Code),
        WeComErrorCode.ValidateSignatureError => Reject(403, "signature mismatch", e.Code),
        _ => Reject(400, "unreadable callback", e.Code),
    };

    private WeComCallbackResult Reject(int statusCode, string reason, WeComErrorCode code = WeComErrorCode.Ok)
    {
        logger.LogWarning("WeCom callback rejected with {StatusCode}: {Reason} ({ErrorCode})", statusCode, reason, (int)code);
        return WeComCallbackResult.Rejected(statusCode, reason);
    }
}
