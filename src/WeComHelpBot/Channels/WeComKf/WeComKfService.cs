using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Images;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// The 微信客服 channel. A kf_msg_or_event callback starts <see cref="HandleEventAsync"/>: kf/sync_msg from the cursor saved
/// for that 客服帐号, page after page while has_more, the cursor saved after each page. Each message id is taken once
/// (<see cref="IWeComKfStore.TryMarkHandledAsync"/>): a message is never answered twice, even across processes. A
/// customer's text is a turn of their own conversation; its replies go out by kf/send_msg, merged so they fit the 5
/// messages WeCom allows within 48 hours of the customer's last message, choices as a msgmenu. enter_session gets the
/// greeting and its topics as a menu (send_msg_on_event), an ended session the satisfaction menu, whose click is a rating.
/// </summary>
public sealed class WeComKfService : IWeComKfEventSink
{
    public const string RatingMenuPrefix = "rating:";

    /// <summary>A page loop that never ends would be a WeCom fault; stop there and continue at the next event.</summary>
    private const int MaxPagesPerEvent = 100;

    private readonly WeComKfClient client;
    private readonly IWeComKfStore store;
    private readonly IBot bot;
    private readonly ReplyCollectingAdapter adapter;
    private readonly ConversationTurnGate turnGate;
    private readonly HandoverSignals handovers;
    private readonly SupportAnalytics analytics;
    private readonly WeComKfOptions options;
    private readonly WeComUserPseudonym? pseudonym;
    private readonly TimeProvider time;
    private readonly ILogger<WeComKfService> logger;
    private readonly WeComOptions weCom;

    public WeComKfService(
        WeComKfClient client,
        IWeComKfStore store,
        IBot bot,
        ReplyCollectingAdapter adapter,
        ConversationTurnGate turnGate,
        HandoverSignals handovers,
        SupportAnalytics analytics,
        IOptions<WeComOptions> weComOptions,
        IOptions<WeComKfOptions> options,
        TimeProvider time,
        ILogger<WeComKfService> logger)
    {
        this.client = client;
        this.store = store;
        this.bot = bot;
        this.adapter = adapter;
        this.turnGate = turnGate;
        this.handovers = handovers;
        this.analytics = analytics;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        weCom = weComOptions.Value;
        if (weComOptions.Value.CallbackConfigured)
        {
            pseudonym = new WeComUserPseudonym(weComOptions.Value.EncodingAESKey, weComOptions.Value.CorpId);
        }

        handovers.Watch(WeComKfActivityMapper.ChannelId);
    }

    /// <summary>Reads and answers everything new for <paramref name="openKfId"/>; one sync per account runs at a time.</summary>
    public async Task HandleEventAsync(string? token, string openKfId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(openKfId);
        if (pseudonym is null)
        {
            return;
        }

        using var lease = await turnGate.EnterAsync("kf-sync:" + openKfId, cancellationToken);
        var cursor = await store.GetCursorAsync(openKfId, cancellationToken);
        for (var page = 0; page < MaxPagesPerEvent; page++)
        {
            var result = await client.SyncAsync(cursor, token, openKfId, cancellationToken: cancellationToken);
            foreach (var message in result.Messages)
            {
                await ProcessAsync(message, cancellationToken);
            }

            if (result.NextCursor is not null && result.NextCursor != cursor)
            {
                cursor = result.NextCursor;
                await store.SaveCursorAsync(openKfId, cursor, cancellationToken);
            }

            if (!result.HasMore)
            {
                return;
            }
        }

        logger.LogWarning("kf/sync_msg still had more after {Pages} pages; the rest waits for the next event", MaxPagesPerEvent);
    }

    /// <summary>The conversation id of a customer of <paramref name="openKfId"/> (for tests and the console).</summary>
    public string ConversationIdFor(string openKfId, string externalUserId) =>
        WeComKfActivityMapper.ConversationIdFor(pseudonym ?? throw new InvalidOperationException("WeCom callback is not configured."), openKfId, externalUserId);

    /// <summary>Sends <paramref name="message"/> to the customer if the window allows one more; false when it does not.</summary>
    internal async Task<bool> TrySendAsync(string conversationId, string openKfId, string externalUserId, JsonObject message, CancellationToken cancellationToken)
    {
        if (await store.ReserveAsync(conversationId, 1, options.Window, time.GetUtcNow(), cancellationToken) == 0)
        {
            return false;
        }

        await client.SendAsync(externalUserId, openKfId, message, cancellationToken);
        return true;
    }

    private async Task ProcessAsync(WeComKfMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.ExternalUserId) || string.IsNullOrEmpty(message.OpenKfId))
        {
            return;
        }

        // Taken before it is handled: a crash mid-turn loses one answer rather than sending it twice.
        if (!await store.TryMarkHandledAsync(message.MsgId, cancellationToken))
        {
            logger.LogDebug("kf message already handled; skipped");
            return;
        }

        var conversationId = ConversationIdFor(message.OpenKfId, message.ExternalUserId);
        try
        {
            if (message.Origin == WeComKfMessage.OriginCustomer)
            {
                await OnCustomerMessageAsync(message, conversationId, cancellationToken);
            }
            else if (message.MsgType == "event")
            {
                await OnEventAsync(message, conversationId, cancellationToken);
            }
        }
        catch (WeComApiException e)
        {
            logger.LogWarning("A 微信客服 call failed with errcode {ErrorCode} for a {MsgType}", e.ErrorCode, message.MsgType);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            logger.LogWarning("WeCom could not be reached for a 微信客服 {MsgType}: {ExceptionType}", message.MsgType, e.GetType().FullName);
        }
    }

    private async Task OnCustomerMessageAsync(WeComKfMessage message, string conversationId, CancellationToken cancellationToken)
    {
        var sentAt = message.SendTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(message.SendTime) : time.GetUtcNow();
        await store.OpenWindowAsync(conversationId, sentAt, cancellationToken);
        await store.SaveAddressAsync(conversationId, message.OpenKfId, message.ExternalUserId!, cancellationToken);
        if (time.GetUtcNow() - sentAt > options.MaxMessageAge)
        {
            logger.LogInformation("A 微信客服 message older than {MaxAge} was not answered", options.MaxMessageAge);
            return;
        }

        if (message.MenuId is { } menuId && menuId.StartsWith(RatingMenuPrefix, StringComparison.Ordinal)
            && int.TryParse(menuId.AsSpan(RatingMenuPrefix.Length), out var rating) && rating is >= 1 and <= 5)
        {
            await analytics.RecordRatingAsync(conversationId, rating, cancellationToken: cancellationToken);
            await TrySendAsync(conversationId, message.OpenKfId, message.ExternalUserId!, WeComKfMessages.Text(WeComKfTexts.ThanksForRating(rating)), cancellationToken);
            return;
        }

        if (message.MsgType == "image")
        {
            // Read like an image in the web chat or the app (OCR of a licence or an error screenshot), within the same limits.
            var picture = WeComKfActivityMapper.ToActivity(conversationId, message.OpenKfId, message.ExternalUserId!, message.MsgId, message.SendTime, string.Empty);
            picture.Attachments = [await DownloadImageAsync(message.MediaId, cancellationToken)];
            await DeliverAsync(conversationId, message.OpenKfId, message.ExternalUserId!, await RunTurnAsync(picture, cancellationToken), cancellationToken);
            return;
        }

        if (message.MsgType == "file" && await DownloadFileAsync(message.MediaId, cancellationToken) is { } file)
        {
            // A member import sheet is checked as in the web chat, within the same limits (the file name comes from media/get).
            var upload = WeComKfActivityMapper.ToActivity(conversationId, message.OpenKfId, message.ExternalUserId!, message.MsgId, message.SendTime, string.Empty);
            upload.Attachments = [file];
            await DeliverAsync(conversationId, message.OpenKfId, message.ExternalUserId!, await RunTurnAsync(upload, cancellationToken), cancellationToken);
            return;
        }

        if (message.MsgType != "text" || string.IsNullOrWhiteSpace(message.Text))
        {
            var answer = message.MsgType == "file" ? WeComKfTexts.FileNotChecked : WeComKfTexts.NonText;
            await TrySendAsync(conversationId, message.OpenKfId, message.ExternalUserId!, WeComKfMessages.Text(answer), cancellationToken);
            return;
        }

        var activity = WeComKfActivityMapper.ToActivity(conversationId, message.OpenKfId, message.ExternalUserId!, message.MsgId, message.SendTime, message.Text);
        var replies = await RunTurnAsync(activity, cancellationToken);
        await DeliverAsync(conversationId, message.OpenKfId, message.ExternalUserId!, replies, cancellationToken);

        if (handovers.Take(conversationId) is not null && options.HandoverServiceState != 0)
        {
            // After the replies: once the session is with a person, kf/send_msg no longer reaches the customer.
            await client.TransferAsync(message.OpenKfId, message.ExternalUserId!, options.HandoverServiceState, options.HandoverServicerUserId, cancellationToken);
            logger.LogInformation("A 微信客服 session was handed over to service state {ServiceState}", options.HandoverServiceState);
        }
    }

    /// <summary>A file the customer sent, with the name media/get gives it; null when it cannot be had or has no name.</summary>
    private async Task<Attachment?> DownloadFileAsync(string? mediaId, CancellationToken cancellationToken) =>
        await client.TryDownloadMediaAsync(mediaId, cancellationToken) is { FileName: { } name } media
            ? new Attachment(media.ContentType ?? "application/octet-stream", content: media.Bytes, name: name)
            : null;

    /// <summary>The customer's image; without content when it cannot be had, so the bot asks for it again, as for the app's images.</summary>
    private async Task<Attachment> DownloadImageAsync(string? mediaId, CancellationToken cancellationToken) =>
        await client.TryDownloadMediaAsync(mediaId, cancellationToken) is { } media
            ? ImageAttachment.FromBytes(media.Bytes, media.ContentType)
            : new Attachment("image/*");

    private async Task OnEventAsync(WeComKfMessage message, string conversationId, CancellationToken cancellationToken)
    {
        switch (message.EventType)
        {
            case "enter_session" when !string.IsNullOrEmpty(message.WelcomeCode):
            {
                await store.SaveAddressAsync(conversationId, message.OpenKfId, message.ExternalUserId!, cancellationToken);
                // The turn a "你好" gets: the greeting with the topics menu, and the bot then expects a pick from it, so
                // a click on a menu item (its text arrives as the customer's message) starts that topic.
                var greeting = WeComKfActivityMapper.ToActivity(conversationId, message.OpenKfId, message.ExternalUserId!, message.MsgId, message.SendTime, WeComKfTexts.EnterSessionGreeting);
                var replies = await RunTurnAsync(greeting, cancellationToken);
                var text = ReplyText(replies);
                if (text is null)
                {
                    return;
                }

                var choices = WeComKfActivityMapper.Choices(replies);
                var welcome = choices.Count > 0
                    ? WeComKfMessages.Menu(text, choices.Select(c => (c, c)), WeComKfTexts.MoreTopics)
                    : WeComKfMessages.Text(text);
                await client.SendOnEventAsync(message.WelcomeCode, welcome, cancellationToken);
                break;
            }

            case "session_status_change" when message.ChangeType == 3 && !string.IsNullOrEmpty(message.MsgCode):
            {
                var menu = WeComKfMessages.Menu(
                    WeComKfTexts.SatisfactionHead,
                    WeComKfTexts.Ratings.Select(r => ($"{RatingMenuPrefix}{r.Rating}", r.Label)),
                    WeComKfTexts.SatisfactionTail);
                await client.SendOnEventAsync(message.MsgCode, menu, cancellationToken);
                await analytics.RecordRatingRequestedAsync(conversationId, cancellationToken);
                break;
            }
        }
    }

    private async Task<IReadOnlyList<Activity>> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var lease = await turnGate.EnterTurnAsync(activity.Conversation.Id, bot, cancellationToken);
        return await adapter.ProcessActivityAsync(activity, lease.Bot, cancellationToken);
    }

    /// <summary>
    /// The turn's replies as few kf messages as possible (one text, or one menu when the choices fit under the text),
    /// cut to what is left of the window: the last message sent says that the rest was left out.
    /// </summary>
    private async Task DeliverAsync(string conversationId, string openKfId, string externalUserId, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var text = ReplyText(replies);
        if (text is null)
        {
            return;
        }

        var choices = WeComKfActivityMapper.Choices(replies);
        var pieces = WeComTextSplitter.Split(text, WeComKfMessages.MaxTextBytes).ToList();
        var messages = new List<JsonObject>();
        if (choices.Count > 0 && pieces.Count == 1 && System.Text.Encoding.UTF8.GetByteCount(text) <= WeComKfMessages.MaxMenuTextBytes)
        {
            messages.Add(WeComKfMessages.Menu(text, choices.Select(c => (c, c))));
        }
        else
        {
            messages.AddRange(pieces.Select(WeComKfMessages.Text));
            if (choices.Count > 0)
            {
                messages.Add(WeComKfMessages.Menu("请选择：", choices.Select(c => (c, c))));
            }
        }

        var granted = await store.ReserveAsync(conversationId, messages.Count, options.Window, time.GetUtcNow(), cancellationToken);
        if (granted == 0)
        {
            logger.LogWarning("A 微信客服 reply was not sent: the customer's sending window is used up or closed");
            return;
        }

        if (granted < messages.Count)
        {
            logger.LogWarning("A 微信客服 reply was cut from {Count} to {Granted} message(s) to stay within the window", messages.Count, granted);
            messages = messages.Take(granted).ToList();
            var last = pieces.Count >= granted ? pieces[granted - 1] : text;
            var cut = WeComKfMessages.Truncate(last, WeComKfMessages.MaxTextBytes - System.Text.Encoding.UTF8.GetByteCount(WeComKfTexts.ReplyCut));
            messages[^1] = WeComKfMessages.Text(cut + WeComKfTexts.ReplyCut);
        }

        foreach (var message in messages)
        {
            await client.SendAsync(externalUserId, openKfId, message, cancellationToken);
        }
    }

    private static string? ReplyText(IReadOnlyList<Activity> replies) => WeComActivityMapper.ReplyText(replies);
}
