using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>Tickets' and the console's storage, console accounts, the audit log, the desk's ticket records and the hand-over hold that quiets the bot.</summary>
    public static IServiceCollection AddSupportDesk(this IServiceCollection services)
    {
        services.AddTicketStorage();
        services.TryAddSingleton<DeskAccounts>();
        services.TryAddSingleton<DeskEventHub>();
        services.TryAddSingleton<SupportDesk>();
        services.AddSingleton<ITicketCreatedObserver>(sp => sp.GetRequiredService<SupportDesk>());
        services.AddSingleton<IMessageHandler, HandoverHoldHandler>();
        return services;
    }
}
