using System.Globalization;
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
/// after a watermark. A conversation is reachable only with its own token.
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

    private static readonly ChannelAccount BotAccount = new("wecomhelpbot", "企业微信注册助手", role: RoleTypes.Bot);

    public void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", GetConversationAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
    }

    private Task GenerateTokenAsync(HttpContext context) =>
        WriteConversationAsync(context, StatusCodes.Status200OK, store.Create(userId: null));

    private Task RefreshTokenAsync(HttpContext context)
    {
        var conversation = store.FindByToken(BearerToken(context.Request));
        return conversation is null
            ? UnauthorizedAsync(context)
            : WriteConversationAsync(context, StatusCodes.Status200OK, conversation);
    }

    private async Task StartConversationAsync(HttpContext context)
    {
        var token = BearerToken(context.Request);
        var conversation = token is null ? store.Create(userId: null) : store.FindByToken(token);
        if (conversation is null)
        {
            await UnauthorizedAsync(context);
            return;
        }

        if (conversation.TryMarkStarted())
        {
            var user = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
            var update = NewActivity(context.Request, conversation, ActivityTypes.ConversationUpdate, user);
            update.MembersAdded = [new ChannelAccount(BotAccount.Id, BotAccount.Name, BotAccount.Role), user];
            await RunTurnAsync(conversation, update, echo: false);
        }

        await WriteConversationAsync(context, StatusCodes.Status201Created, conversation);
    }

    private Task GetConversationAsync(HttpContext context)
    {
        var conversation = Authorize(context);
        return conversation is null
            ? UnauthorizedAsync(context)
            : WriteConversationAsync(context, StatusCodes.Status200OK, conversation);
    }

    private async Task PostActivityAsync(HttpContext context)
    {
        var conversation = Authorize(context);
        if (conversation is null)
        {
            await UnauthorizedAsync(context);
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

        await RunTurnAsync(conversation, activity, echo: true);
        await ActivityJson.WriteAsync(context.Response, StatusCodes.Status200OK, new { id = activity.Id });
    }

    private Task GetActivitiesAsync(HttpContext context)
    {
        var conversation = Authorize(context);
        if (conversation is null)
        {
            return UnauthorizedAsync(context);
        }

        _ = int.TryParse(context.Request.Query["watermark"], NumberStyles.None, CultureInfo.InvariantCulture, out var watermark);
        var (activities, next) = conversation.Since(watermark);
        return ActivityJson.WriteAsync(
            context.Response,
            StatusCodes.Status200OK,
            new { activities, watermark = next.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>Runs the turn, then stores the user's activity (Web Chat waits for this echo) followed by the replies.</summary>
    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, bool echo)
    {
        using var lease = await turnGate.EnterAsync($"{ChannelId}:{conversation.Id}");
        IReadOnlyList<Activity> replies = [];
        if (activity.Type != ActivityTypes.Typing)
        {
            // Not the request's token: a turn that has started should finish and save its state.
            replies = await adapter.ProcessActivityAsync(activity, bot, CancellationToken.None);
        }

        var now = timeProvider.GetUtcNow();
        if (echo)
        {
            conversation.Append(activity, now);
        }

        foreach (var reply in replies)
        {
            reply.Id = null;

            // The bot writes plain text (WeCom shows it as-is); Web Chat would read it as markdown and join its lines.
            reply.TextFormat ??= TextFormatTypes.Plain;
            conversation.Append(reply, now);
        }

        logger.LogDebug("Direct Line turn stored {Count} replies", replies.Count);
    }

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

    private DirectLineConversation? Authorize(HttpContext context)
    {
        var conversation = store.FindByToken(BearerToken(context.Request));
        return conversation is not null && string.Equals(conversation.Id, context.Request.RouteValues["conversationId"] as string, StringComparison.Ordinal)
            ? conversation
            : null;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private Task WriteConversationAsync(HttpContext context, int statusCode, DirectLineConversation conversation) =>
        ActivityJson.WriteAsync(context.Response, statusCode, new
        {
            conversationId = conversation.Id,
            token = conversation.Token,
            expires_in = (int)options.Value.ConversationIdleTimeout.TotalSeconds,
            userId = conversation.UserId,
        });

    private static Task UnauthorizedAsync(HttpContext context) =>
        ActivityJson.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, "TokenInvalid", "Missing, unknown or expired Direct Line token.");
}
