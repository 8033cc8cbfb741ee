using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// CloudAdapter with our OnTurnError, taking an Activity the endpoint has already read and checked, so a
/// malformed body is answered 400 by us instead of failing somewhere inside the SDK.
/// </summary>
public sealed class HelpBotCloudAdapter : CloudAdapter
{
    public HelpBotCloudAdapter(BotFrameworkAuthentication authentication, TurnErrorReporter errorReporter, IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware, ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        OnTurnError = errorReporter.OnTurnErrorAsync;
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    /// <summary>Authenticates (when an app id is configured) and runs the turn; returns the invoke or expectReplies response, if any.</summary>
    /// <exception cref="UnauthorizedAccessException">The Authorization header is missing or invalid.</exception>
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

        return await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
    }
}
