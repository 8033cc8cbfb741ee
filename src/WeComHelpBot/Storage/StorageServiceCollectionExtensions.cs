using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Bot state and support data: by default in one LiteDB file (<see cref="BotPaths.DatabaseFile"/>), opened the first
    /// time a service needs it (a locked or damaged file surfaces as <see cref="StorageUnavailableException"/>); with
    /// <c>Storage:Provider</c> = Postgres in the database of <c>Storage:ConnectionString</c>, shared by any number of
    /// processes. This is the one place a provider is chosen: each store interface is registered here with a factory
    /// that returns the LiteDB or the PostgreSQL implementation (classes under Storage/LiteDb and Storage/Postgres), so a
    /// new store adds one <see cref="AddStore{TService, TLiteDb, TPostgres}"/> line and its two implementations.
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
        services.TryAddSingleton(sp => new LiteDbStorage(
            sp.GetRequiredService<LiteDatabase>(),
            Path.GetFullPath(paths.DatabaseFile),
            sp.GetRequiredService<LiteDbWriteQueue>(),
            stateCacheSize: sp.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveStateCacheSize));
        services.TryAddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString ?? string.Empty,
            sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.TryAddSingleton<PostgresConversationLock>();
        services.AddStore<IStorage, LiteDbStorage, PostgresStorage>();
        services.AddStore<IWeComMessageIdLog, LiteDbWeComMessageIdLog, PostgresWeComMessageIdLog>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new StorageHealth(
            sp,
            paths.DatabaseFile,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<StorageHealth>>()));
        return services;
    }

    /// <summary>True when <c>Storage:Provider</c> is Postgres.</summary>
    public static bool UsesPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;

    /// <summary>The lock every process takes around a conversation's turn: with Postgres only (null with LiteDB, whose file one process owns).</summary>
    public static IConversationLock? SharedConversationLock(IServiceProvider services) =>
        UsesPostgres(services) ? services.GetRequiredService<PostgresConversationLock>() : null;

    /// <summary>Registers <typeparamref name="TService"/> as whichever implementation <c>Storage:Provider</c> names.</summary>
    public static IServiceCollection AddStore<TService, TLiteDb, TPostgres>(this IServiceCollection services)
        where TService : class
        where TLiteDb : class, TService
        where TPostgres : class, TService
    {
        services.TryAddSingleton<TLiteDb>();
        services.TryAddSingleton<TPostgres>();
        services.TryAddSingleton<TService>(sp => UsesPostgres(sp) ? sp.GetRequiredService<TPostgres>() : sp.GetRequiredService<TLiteDb>());
        return services;
    }
}
