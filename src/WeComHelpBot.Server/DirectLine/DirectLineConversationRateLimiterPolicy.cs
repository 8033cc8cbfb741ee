using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// The <see cref="DirectLineRateLimiting.ConversationPolicy"/>: one token bucket per conversation, keyed only when the
/// request's token is valid and opens the conversation in its path (if there is one), so nobody can spend another
/// conversation's permits and made-up ids cannot make buckets without end (those requests share their address's).
/// </summary>
internal sealed class DirectLineConversationRateLimiterPolicy : IRateLimiterPolicy<string>
{
    private readonly DirectLineConversationStore store;
    private readonly Func<string, TokenBucketRateLimiterOptions> bucket;

    public DirectLineConversationRateLimiterPolicy(DirectLineConversationStore store, IOptions<DirectLineOptions> options)
    {
        this.store = store;
        var limits = DirectLineRateLimiting.Bucket(options.Value.PostBurstPerConversation, options.Value.PostsPerMinutePerConversation);
        bucket = _ => limits;
        OnRejected = (context, cancellationToken) => DirectLineRateLimiting.RejectAsync(context, limits.ReplenishmentPeriod, cancellationToken);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected { get; }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var conversation = store.FindByToken(DirectLineEndpoints.BearerToken(httpContext.Request)).Valid;
        var pathId = httpContext.Request.RouteValues["conversationId"] as string;
        var key = conversation is not null && (pathId is null || string.Equals(pathId, conversation.Id, StringComparison.Ordinal))
            ? "conversation:" + conversation.Id
            : "client:" + ClientAddress.KeyOf(httpContext);
        return RateLimitPartition.GetTokenBucketLimiter(key, bucket);
    }
}
