using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Desk;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Storage;

public static class TicketStorageServiceCollectionExtensions
{
    /// <summary>
    /// Tickets and the support console's own records (accounts, audit log, ticket desk records, hand-over holds), in
    /// whichever backend <c>Storage:Provider</c> names (see <see cref="StorageServiceCollectionExtensions.AddBotStorage"/>).
    /// </summary>
    public static IServiceCollection AddTicketStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>();
        services.AddStore<ITicketStore, LiteDbTicketStore, PostgresTicketStore>();
        services.AddStore<IDeskAccountStore, LiteDbDeskAccountStore, PostgresDeskAccountStore>();
        services.AddStore<IAuditLog, LiteDbAuditLog, PostgresAuditLog>();
        services.AddStore<ITicketDeskStore, LiteDbTicketDeskStore, PostgresTicketDeskStore>();
        services.AddStore<IHandoverHoldStore, LiteDbHandoverHoldStore, PostgresHandoverHoldStore>();
        return services;
    }
}
