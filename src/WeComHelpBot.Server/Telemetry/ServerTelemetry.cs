using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using WeComHelpBot.Telemetry;

namespace WeComHelpBot.Server.Telemetry;

/// <summary>
/// OpenTelemetry metrics with the Prometheus exporter, only when <c>Telemetry:Prometheus=true</c>. Off, OpenTelemetry is
/// not even registered, so no listener enables the bot's instruments and a turn records nothing.
/// </summary>
public static class ServerTelemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddServerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.SectionName));
        if (options.Prometheus)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("wecomhelpbot"))
                .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName)
                .AddPrometheusExporter());
        }

        return services;
    }

    /// <summary>Maps /metrics when Prometheus is on. deploy/'s nginx site does not pass it on: scrape the server's own port.</summary>
    public static void MapServerTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() is { Prometheus: true })
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }
    }
}
