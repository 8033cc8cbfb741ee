using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Bot state and support data in one LiteDB file (<see cref="BotPaths.DatabaseFile"/>). The file is opened the first
    /// time a service needs it; a locked or damaged file surfaces as <see cref="StorageUnavailableException"/>.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, BotPaths paths)
    {
        services.AddOptions<StorageOptions>();
        services.TryAddSingleton(sp => new LiteDatabaseProvider(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Connection,
            sp.GetService<ILogger<LiteDatabaseProvider>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.CloseTimeout));
        services.TryAddSingleton<LiteDatabase>(sp => sp.GetRequiredService<LiteDatabaseProvider>().GetDatabase(paths.DatabaseFile));
        services.TryAddSingleton(sp => new LiteDbWriteQueue(
            sp.GetRequiredService<LiteDatabase>(),
            sp.GetService<ILogger<LiteDbWriteQueue>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.CloseTimeout));
        services.TryAddSingleton<IStorage>(sp => new LiteDbStorage(
            sp.GetRequiredService<LiteDatabase>(),
            Path.GetFullPath(paths.DatabaseFile),
            sp.GetRequiredService<LiteDbWriteQueue>(),
            stateCacheSize: sp.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveStateCacheSize));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new StorageHealth(
            sp,
            paths.DatabaseFile,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<StorageHealth>>()));
        return services;
    }
}
