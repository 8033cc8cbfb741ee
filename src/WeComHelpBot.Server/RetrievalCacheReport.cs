using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Server;

/// <summary>Logs the knowledge result cache's hits and misses when the server stops (bench/ prints that line).</summary>
public sealed class RetrievalCacheReport(RetrievalResultCache cache, ILogger<RetrievalCacheReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Knowledge result cache: {Hits} hits, {Misses} misses, {Count} of {Capacity} questions held",
            cache.Hits,
            cache.Misses,
            cache.Count,
            cache.Capacity);
        return Task.CompletedTask;
    }
}
