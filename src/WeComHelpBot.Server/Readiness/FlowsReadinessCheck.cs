using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Server.Readiness;

/// <summary>The guided flows are loaded, including the hand-over flow every 转人工 needs.</summary>
public sealed class FlowsReadinessCheck(FlowCatalog flows) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(flows.Flows.Count == 0
            ? HealthCheckResult.Unhealthy("没有加载任何流程")
            : flows.Find(FlowCatalog.HandoverFlowId) is null
                ? HealthCheckResult.Unhealthy("缺少转人工流程 handover")
                : HealthCheckResult.Healthy());
}
