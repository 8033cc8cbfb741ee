using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeComHelpBot.Server.Readiness;

/// <summary>
/// GET /readyz: 200 when storage, knowledge and flows are usable, else 503, with a short JSON that says which part
/// failed ({"status":"unready","checks":{"storage":"…","knowledge":"ok","flows":"ok"}}). A load balancer sends turns
/// only to a ready server; /healthz stays the liveness probe.
/// </summary>
public static class ReadinessEndpoints
{
    public const string Path = "/readyz";

    private const string Tag = "ready";

    /// <summary>A check that takes longer than this fails: a probe must answer before the balancer gives up on it.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageReadinessCheck>("storage", tags: [Tag], timeout: CheckTimeout)
            .AddCheck<KnowledgeReadinessCheck>("knowledge", tags: [Tag], timeout: CheckTimeout)
            .AddCheck<FlowsReadinessCheck>("flows", tags: [Tag], timeout: CheckTimeout);
        return services;
    }

    public static IEndpointConventionBuilder MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Tag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        // Only a check's own short description goes out; a check that threw gets its description from the exception's
        // message, which may name paths or connection strings, so that case says only "failed" or "timed out".
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => entry.Value switch
            {
                { Status: HealthStatus.Healthy } => "ok",
                { Exception: OperationCanceledException or TimeoutException } => "超时",
                { Exception: not null } => "出错",
                { Description: { Length: > 0 } description } => description,
                _ => "不可用",
            });
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(
            new { status = report.Status == HealthStatus.Healthy ? "ready" : "unready", checks },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
