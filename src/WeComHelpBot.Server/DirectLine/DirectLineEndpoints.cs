using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using WeComHelpBot.Channels;
using WeComHelpBot.Server.BotFramework;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// The part of Direct Line 3.0 that Web Chat uses with polling (webSocket: false), served in-process so the web
/// chat needs no cloud service: generate/refresh a token, start a conversation (the bot's welcome comes from the
/// conversationUpdate sent then), post an activity (the bot's turn runs before the answer), and get activities
/// after a watermark. A conversation is reachable only with its own token, tokens expire and refresh rotates them,
/// and creating and posting are rate-limited (<see cref="DirectLineRateLimiting"/>).
/// </summary>
public sealed class DirectLineEndpoints(
    DirectLineConversationStore store,
    ReplyCollectingAdapter adapter,
    IBot bot,
    ConversationTurnGate turnGate,
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider,
    ILogger<DirectLineEndpoints> logger)
{
    public const string ChannelId = "directline";

    internal static readonly ChannelAccount BotAccount = new("wecomhelpbot", "企业微信注册助手", role: RoleTypes.Bot);

    // How soon a client refused for a full server or a full share is told to try again: conversations expire by the minute.
    private static readonly TimeSpan RetryWhenFull = TimeSpan.FromMinutes(1);

    public void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(DirectLineRateLimiting.ClientPolicy);
        group.MapPost("/tokens/refresh", RefreshTokenAsync).RequireRateLimiting(DirectLineRateLimiting.ConversationPolicy);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(DirectLineRateLimiting.ClientPolicy);
        group.MapGet("/conversations/{conversationId}", GetConversationAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineRateLimiting.ConversationPolicy);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).RequireRateLimiting(DirectLineRateLimiting.ConversationPolicy);
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private Task GenerateTokenAsync(HttpContext context)
    {
        var result = store.TryCreate(ClientAddress.KeyOf(context), userId: null, out var conversation);
        return conversation is null ? RefuseCreateAsync(context, result) : WriteConversationAsync(context, StatusCodes.Status200OK, conversation);
    }

    private Task RefreshTokenAsync(HttpContext context)
    {
        var lookup = store.Refresh(BearerToken(context.Request));
        return lookup.Valid is { } conversation
            ? WriteConversationAsync(context, StatusCodes.Status200OK, conversation)
            : RefuseTokenAsync(context, lookup.State);
    }

    private async Task StartConversationAsync(HttpContext context)
    {
        var token = BearerToken(context.Request);
        DirectLineConversation? conversation;
        if (token is null)
        {
            var result = store.TryCreate(ClientAddress.KeyOf(context), userId: null, out conversation);
            if (conversation is null)
            {
                await RefuseCreateAsync(context, result);
                return;
            }
        }
        else
        {
            var lookup = store.FindByToken(token);
            conversation = lookup.Valid;
            if (conversation is null)
            {
                await RefuseTokenAsync(context, lookup.State);
                return;
            }
        }

        if (conversation.TryMarkStarted())
        {
            var user = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
            var update = NewActivity(context.Request, conversation, ActivityTypes.ConversationUpdate, user);
            update.MembersAdded = [new ChannelAccount(BotAccount.Id, BotAccount.Name, BotAccount.Role), user];
            await RunTurnAsync(conversation, update, echoBytes: null);
        }

        await WriteConversationAsync(context, StatusCodes.Status201Created, conversation);
    }

    private Task GetConversationAsync(HttpContext context)
    {
        var lookup = Authorize(context);
        return lookup.Valid is { } conversation
            ? WriteConversationAsync(context, StatusCodes.Status200OK, conversation)
            : RefuseTokenAsync(context, lookup.State);
    }

    private async Task PostActivityAsync(HttpContext context)
    {
        var lookup = Authorize(context);
        if (lookup.Valid is not { } conversation)
        {
            await RefuseTokenAsync(context, lookup.State);
            return;
        }

        var body = await RequestBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "BadArgument", "The activity is too large.");
            return;
        }

        if (!ActivityJson.TryRead(body, out var posted, out var error) || string.IsNullOrWhiteSpace(posted!.Type))
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", error ?? "The activity has no type.");
            return;
        }

        // The token decides who is speaking: a client cannot post as another user.
        var activity = NewActivity(context.Request, conversation, posted.Type, new ChannelAccount(conversation.UserId, posted.From?.Name, RoleTypes.User));
        activity.Text = posted.Text;
        activity.TextFormat = posted.TextFormat;
        activity.Value = posted.Value;
        activity.Name = posted.Name;
        activity.Attachments = posted.Attachments;
        activity.Entities = posted.Entities;
        activity.ChannelData = posted.ChannelData;
        activity.Locale = string.IsNullOrWhiteSpace(posted.Locale) ? "zh-CN" : posted.Locale;
        activity.LocalTimestamp = posted.LocalTimestamp;

        await RunTurnAsync(conversation, activity, echoBytes: body.Length);
        await ActivityJson.WriteAsync(context.Response, StatusCodes.Status200OK, new { id = activity.Id });
    }

    /// <summary>
    /// Web Chat's file upload: multipart with the activity as the part "activity" and each file as its own part. The
    /// files go to the bot inline (bytes in memory, never a path or URL); the echo stored for polling keeps only their
    /// names and types, so no uploaded file stays in the server.
    /// </summary>
    private async Task UploadAsync(HttpContext context)
    {
        var lookup = Authorize(context);
        if (lookup.Valid is not { } conversation)
        {
            await RefuseTokenAsync(context, lookup.State);
            return;
        }

        var limit = options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            await WriteUploadTooLargeAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 16, ValueLengthLimit = options.Value.MaxBodyBytes }, context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            await WriteUploadTooLargeAsync(context);
            return;
        }
        catch (InvalidOperationException)
        {
            await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", "The upload is not multipart/form-data.");
            return;
        }

        var posted = new Activity { Type = ActivityTypes.Message };
        if (form.Files.GetFile("activity") is { } activityPart)
        {
            if (activityPart.Length > options.Value.MaxBodyBytes || !ActivityJson.TryRead(await ReadAllAsync(activityPart, context.RequestAborted), out var read, out var error))
            {
                await ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", "The activity part is not a valid activity.");
                return;
            }

            posted = read!;
        }

        var files = form.Files.Where(f => f.Name != "activity").ToList();
        var attachments = new List<Attachment>();
        foreach (var file in files)
        {
            attachments.Add(new Attachment(file.ContentType, name: Path.GetFileName(file.FileName), content: await ReadAllAsync(file, context.RequestAborted)));
        }

        var activity = NewActivity(context.Request, conversation, ActivityTypes.Message, new ChannelAccount(conversation.UserId, posted.From?.Name, RoleTypes.User));
        activity.Text = posted.Text;
        activity.Attachments = attachments;
        activity.ChannelData = posted.ChannelData; // Web Chat matches the echo by its clientActivityID
        activity.Locale = string.IsNullOrWhiteSpace(posted.Locale) ? "zh-CN" : posted.Locale;

        // The echo names the files but holds none of their bytes.
        var echo = new Activity
        {
            Type = activity.Type,
            Id = activity.Id,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Conversation = activity.Conversation,
            From = activity.From,
            Recipient = activity.Recipient,
            Timestamp = activity.Timestamp,
            Locale = activity.Locale,
            Text = activity.Text,
            ChannelData = activity.ChannelData,
            Attachments = attachments.Select(a => new Attachment(a.ContentType, name: a.Name)).ToList(),
        };
        await RunTurnAsync(conversation, activity, echoBytes: 1024 + (2 * (activity.Text?.Length ?? 0)), echo);
        await ActivityJson.WriteAsync(context.Response, StatusCodes.Status200OK, new { id = activity.Id });
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private Task WriteUploadTooLargeAsync(HttpContext context) => ActivityJson.WriteErrorAsync(
        context.Response,
        StatusCodes.Status413PayloadTooLarge,
        "BadArgument",
        $"The upload is larger than {options.Value.MaxUploadBytes} bytes.");

    private Task GetActivitiesAsync(HttpContext context)
    {
        var lookup = Authorize(context);
        if (lookup.Valid is not { } conversation)
        {
            return RefuseTokenAsync(context, lookup.State);
        }

        _ = int.TryParse(context.Request.Query["watermark"], NumberStyles.None, CultureInfo.InvariantCulture, out var watermark);
        var (activities, next) = conversation.Since(watermark);
        return ActivityJson.WriteAsync(
            context.Response,
            StatusCodes.Status200OK,
            new { activities, watermark = next.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>Runs the turn, then stores the user's activity when <paramref name="echoBytes"/> (its posted size) is given (Web Chat waits for this echo), followed by the replies.</summary>
    /// <param name="echo">What is stored as the user's activity when it differs from the one the bot sees (an upload's files are left out).</param>
    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, int? echoBytes, Activity? echo = null)
    {
        using var lease = await turnGate.EnterTurnAsync($"{ChannelId}:{conversation.Id}", bot);
        IReadOnlyList<Activity> replies = [];
        if (activity.Type != ActivityTypes.Typing)
        {
            // Not the request's token: a turn that has started should finish and save its state.
            replies = await adapter.ProcessActivityAsync(activity, lease.Bot, CancellationToken.None);
        }

        var now = timeProvider.GetUtcNow();
        if (echoBytes is { } bytes)
        {
            conversation.Append(echo ?? activity, now, bytes);
        }

        foreach (var reply in replies)
        {
            reply.Id = null;

            // The bot writes plain text (WeCom shows it as-is); Web Chat would read it as markdown and join its lines.
            reply.TextFormat ??= TextFormatTypes.Plain;
            conversation.Append(reply, now, ReplyBytes(reply));
        }

        logger.LogDebug("Direct Line turn stored {Count} replies", replies.Count);
    }

    /// <summary>A reply's approximate size: the bot writes its replies, so their text is all that can grow.</summary>
    private static int ReplyBytes(Activity reply) => 1024 + (2 * (reply.Text?.Length ?? 0));

    private Activity NewActivity(HttpRequest request, DirectLineConversation conversation, string type, ChannelAccount from) => new()
    {
        Type = type,
        Id = conversation.NewActivityId(),
        ChannelId = ChannelId,
        ServiceUrl = $"{request.Scheme}://{request.Host}/",
        Conversation = new ConversationAccount(id: conversation.Id),
        From = from,
        Recipient = new ChannelAccount(BotAccount.Id, BotAccount.Name, BotAccount.Role),
        Timestamp = timeProvider.GetUtcNow(),
        Locale = "zh-CN",
    };

    /// <summary>The token's conversation, which must be the one in the path: a token opens its own conversation only.</summary>
    private DirectLineTokenLookup Authorize(HttpContext context)
    {
        var lookup = store.FindByToken(BearerToken(context.Request));
        return lookup.Conversation is not null && string.Equals(lookup.Conversation.Id, context.Request.RouteValues["conversationId"] as string, StringComparison.Ordinal)
            ? lookup
            : DirectLineTokenLookup.Unknown;
    }

    /// <summary>429 when the client address holds its share of conversations, 503 when the server is full.</summary>
    private static Task RefuseCreateAsync(HttpContext context, DirectLineCreateResult result) => result == DirectLineCreateResult.ClientLimitReached
        ? DirectLineRateLimiting.WriteRefusalAsync(context.Response, StatusCodes.Status429TooManyRequests, RetryWhenFull, "Too many open conversations from this address.")
        : DirectLineRateLimiting.WriteRefusalAsync(context.Response, StatusCodes.Status503ServiceUnavailable, RetryWhenFull, "Too many open conversations; try again later.");

    private Task WriteConversationAsync(HttpContext context, int statusCode, DirectLineConversation conversation) =>
        ActivityJson.WriteAsync(context.Response, statusCode, new
        {
            conversationId = conversation.Id,
            token = conversation.Token,
            expires_in = (int)Math.Max(0, (conversation.TokenExpires - timeProvider.GetUtcNow()).TotalSeconds),
            userId = conversation.UserId,
        });

    /// <summary>As Direct Line: 403 for an expired token (Web Chat then stops using it), 401 for any other bad one.</summary>
    private static Task RefuseTokenAsync(HttpContext context, DirectLineTokenState state) => state == DirectLineTokenState.Expired
        ? ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "TokenExpired", "The Direct Line token has expired.")
        : ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, "TokenInvalid", "Missing or unknown Direct Line token.");
}
