using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeComHelpBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The bot's metrics and the middleware that times turns; what listens (Prometheus) is the host's choice.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<TurnMetricsMiddleware>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, TurnMetricsMiddleware>(sp => sp.GetRequiredService<TurnMetricsMiddleware>()));
        return services;
    }
}
