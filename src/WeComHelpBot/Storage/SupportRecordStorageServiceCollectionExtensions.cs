using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Storage;

public static class SupportRecordStorageServiceCollectionExtensions
{
    /// <summary>
    /// Where transcripts and analytics events are kept, per <c>Storage:Provider</c> (needs
    /// <see cref="StorageServiceCollectionExtensions.AddBotStorage"/>): the LiteDB file, or PostgreSQL through one
    /// background <see cref="PostgresRecordWriter"/> (made only when Postgres is used).
    /// </summary>
    public static IServiceCollection AddSupportRecordStores(this IServiceCollection services)
    {
        services.TryAddSingleton<PostgresRecordWriter>();
        services.AddStore<ITranscriptLog, LiteDbTranscriptStore, PostgresTranscriptStore>();
        services.AddStore<IAnalyticsStore, LiteDbAnalyticsStore, PostgresAnalyticsStore>();
        services.AddStore<ITurnRecordStore, LiteDbTurnRecordStore, PostgresTurnRecordStore>();
        return services;
    }
}
