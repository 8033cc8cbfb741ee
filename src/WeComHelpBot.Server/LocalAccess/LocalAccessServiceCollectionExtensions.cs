using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.LocalAccess;

namespace WeComHelpBot.Server.LocalAccess;

public static class LocalAccessServiceCollectionExtensions
{
    /// <summary>The local support endpoint and the server.json that points `wecomhelp` to it.</summary>
    public static IServiceCollection AddLocalAccess(this IServiceCollection services)
    {
        services.TryAddSingleton<ISupportQueries, StoreSupportQueries>();
        services.AddSingleton<LocalAccessEndpoints>();
        services.AddHostedService<LocalServerAnnouncer>();
        return services;
    }
}
