using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>The <see cref="DirectLineRateLimiting.ClientPolicy"/>: one token bucket per client address.</summary>
internal sealed class DirectLineClientRateLimiterPolicy : IRateLimiterPolicy<string>
{
    private readonly Func<string, TokenBucketRateLimiterOptions> bucket;

    public DirectLineClientRateLimiterPolicy(IOptions<DirectLineOptions> options)
    {
        var limits = DirectLineRateLimiting.Bucket(options.Value.CreateBurstPerClient, options.Value.CreatesPerMinutePerClient);
        bucket = _ => limits;
        OnRejected = (context, cancellationToken) => DirectLineRateLimiting.RejectAsync(context, limits.ReplenishmentPeriod, cancellationToken);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected { get; }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetTokenBucketLimiter(ClientAddress.KeyOf(httpContext), bucket);
}
