using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeComHelpBot.Server.Readiness;

/// <summary>
/// Writes and reads back one small bot-state record through <see cref="IStorage"/>, the same path every turn takes, so
/// a full disk, a lost database or a stuck writer shows up here and not first in a user's turn.
/// </summary>
public sealed class StorageReadinessCheck(IStorage storage, TimeProvider time) : IHealthCheck
{
    public const string ProbeKey = "readiness/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        await storage.WriteAsync(new Dictionary<string, object> { [ProbeKey] = new Dictionary<string, object> { ["at"] = stamp } }, cancellationToken);
        var read = await storage.ReadAsync([ProbeKey], cancellationToken);
        return read.ContainsKey(ProbeKey)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("写入的记录读不回来");
    }
}
