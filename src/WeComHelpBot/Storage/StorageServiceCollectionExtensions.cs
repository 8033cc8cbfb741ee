using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddBotStorage(this IServiceCollection services, BotPaths paths)
    {
        // Replaced by the LiteDB storage (support/persistence issue).
        services.AddSingleton<IStorage, MemoryStorage>();
        return services;
    }
}
