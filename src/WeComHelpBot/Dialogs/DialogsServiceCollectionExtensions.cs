using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The flow engine, the flows loaded from dialogs/, and the message handler that runs them (Order 100).</summary>
    public static IServiceCollection AddFlows(this IServiceCollection services, BotPaths paths)
    {
        return services;
    }
}
