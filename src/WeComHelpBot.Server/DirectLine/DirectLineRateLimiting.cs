using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using WeComHelpBot.Server.BotFramework;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// The rate-limiter policies of the Direct Line endpoints (ASP.NET Core's rate-limiting middleware): per client
/// address for what creates a conversation, per conversation for what its token does (posting, refreshing), so a flood
/// from an address shared with others (an office, a carrier's NAT) cannot stop their conversations. Reading activities
/// is never limited: Web Chat stops polling for good after any error but 403 and 404.
/// </summary>
public static class DirectLineRateLimiting
{
    /// <summary>Token bucket per <see cref="ClientAddress"/>: tokens/generate, POST conversations.</summary>
    public const string ClientPolicy = "DirectLine.Client";

    /// <summary>Token bucket per conversation (per client address for requests without a valid token): posting activities and uploads, tokens/refresh.</summary>
    public const string ConversationPolicy = "DirectLine.Conversation";

    internal static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,

        // One permit at a time, evenly over the minute, so a client that waits is let back in after seconds, not a minute.
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>429 with Retry-After in whole seconds (at least 1) and a Direct Line error body.</summary>
    internal static ValueTask RejectAsync(OnRejectedContext context, TimeSpan fallbackRetryAfter, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallbackRetryAfter;
        return new ValueTask(WriteRefusalAsync(context.HttpContext.Response, StatusCodes.Status429TooManyRequests, retryAfter, "Too many requests."));
    }

    /// <summary>A refusal the client should retry later: 429 (its own limit) or 503 (the server's), with Retry-After.</summary>
    internal static Task WriteRefusalAsync(HttpResponse response, int statusCode, TimeSpan retryAfter, string message)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ActivityJson.WriteErrorAsync(response, statusCode, statusCode == StatusCodes.Status429TooManyRequests ? "TooManyRequests" : "ServiceUnavailable", message);
    }
}
