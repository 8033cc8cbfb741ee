using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// The storage and support services of one "server process" (its own data folder) on a shared PostgreSQL schema, as
/// the library and CLI tests build them to write or read what other processes see.
/// </summary>
public static class PostgresSupportServices
{
    public static IServiceCollection AddPostgresSupport(this IServiceCollection services, BotPaths paths, string connectionString)
    {
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        services.Configure<StorageOptions>(options =>
        {
            options.Provider = StorageProvider.Postgres;
            options.ConnectionString = connectionString;
        });
        return services;
    }
}
