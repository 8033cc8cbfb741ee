using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Support;

public static class SupportServiceCollectionExtensions
{
    /// <summary>Tickets, feedback, transcripts and analytics.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, BotPaths paths)
    {
        return services;
    }
}
