using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public static class LiteDbDeskStorageServiceCollectionExtensions
{
    /// <summary>The support console's own persistence (accounts, audit log, ticket desk records, hand-over holds) in the LiteDB file.</summary>
    public static IServiceCollection AddLiteDbDeskStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IDeskAccountStore, LiteDbDeskAccountStore>();
        services.TryAddSingleton<IAuditLog, LiteDbAuditLog>();
        services.TryAddSingleton<ITicketDeskStore, LiteDbTicketDeskStore>();
        services.TryAddSingleton<IHandoverHoldStore, LiteDbHandoverHoldStore>();
        return services;
    }
}
