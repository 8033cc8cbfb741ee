using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// CloudAdapter with our OnTurnError, taking an Activity the endpoint has already read and checked, so a
/// malformed body is answered 400 by us instead of failing somewhere inside the SDK. The turn sees the activity's ids
/// qualified (<see cref="BotFrameworkIdentity"/>); what goes back to the channel carries the ids the channel sent.
/// </summary>
public sealed class HelpBotCloudAdapter : CloudAdapter
{
    private readonly ILogger<HelpBotCloudAdapter> logger;

    public HelpBotCloudAdapter(BotFrameworkAuthentication authentication, TurnErrorReporter errorReporter, IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware, ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        logger = loggerFactory.CreateLogger<HelpBotCloudAdapter>();
        OnTurnError = errorReporter.OnTurnErrorAsync;
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    /// <summary>Authenticates (when an app id is configured) and runs the turn; returns the invoke or expectReplies response, if any.</summary>
    /// <exception cref="UnauthorizedAccessException">The Authorization header is missing or invalid, or cannot be checked.</exception>
    public async Task<InvokeResponse> ProcessCheckedActivityAsync(string? authHeader, Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader ?? string.Empty, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The SDK parses the bearer token before validating it and lets the parser's exceptions through
            // (SecurityTokenMalformedException is an ArgumentException): an unreadable token is a 401, not a 500.
            throw new UnauthorizedAccessException("The Authorization header does not hold a readable token.", e);
        }
        catch (Exception e) when (e is not (UnauthorizedAccessException or OperationCanceledException))
        {
            // Typically the identity metadata (OpenID configuration, signing keys) cannot be fetched, as on an intranet:
            // a token that cannot be checked is not accepted, and the caller learns nothing more than with a bad one.
            // Types only: a message may quote the token or the metadata's address.
            logger.LogWarning(
                "Could not check the token of a /api/messages request ({ExceptionType}, caused by {InnerExceptionType}); answered 401. Is the Bot Framework identity metadata reachable?",
                e.GetType().Name,
                e.InnerException?.GetType().Name ?? "nothing further");
            throw new UnauthorizedAccessException("The token could not be checked.", e);
        }

        var response = await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
        if (response?.Body is ExpectedReplies { Activities: { } replies })
        {
            // The transcript has recorded them by now; from here they are the channel's.
            foreach (var reply in replies)
            {
                BotFrameworkIdentity.Restore(reply);
            }
        }

        return response!;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);

        // The channel gets the ids it sent; the turn's handlers (the transcript reads them after the send) keep theirs.
        var sent = new (ConversationAccount Conversation, ChannelAccount Recipient)[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            sent[i] = (activities[i].Conversation, activities[i].Recipient);
            BotFrameworkIdentity.Restore(activities[i]);
        }

        try
        {
            return await base.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }
        finally
        {
            for (var i = 0; i < activities.Length; i++)
            {
                (activities[i].Conversation, activities[i].Recipient) = sent[i];
            }
        }
    }

    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (conversation, recipient) = (activity.Conversation, activity.Recipient);
        BotFrameworkIdentity.Restore(activity);
        try
        {
            return await base.UpdateActivityAsync(turnContext, activity, cancellationToken);
        }
        finally
        {
            (activity.Conversation, activity.Recipient) = (conversation, recipient);
        }
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (BotFrameworkIdentity.Unqualify(reference.Conversation?.Id) is { } conversationId)
        {
            reference = new ConversationReference
            {
                ActivityId = reference.ActivityId,
                User = reference.User,
                Bot = reference.Bot,
                Conversation = new ConversationAccount(id: conversationId),
                ChannelId = reference.ChannelId,
                ServiceUrl = reference.ServiceUrl,
                Locale = reference.Locale,
            };
        }

        return base.DeleteActivityAsync(turnContext, reference, cancellationToken);
    }
}
