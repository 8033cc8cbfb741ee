using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base loaded from knowledge/ (a broken file stops start-up with file:line), its in-memory
    /// index, the retriever with its result cache (<see cref="KnowledgeOptions.ResultCacheSize"/>), and the answering
    /// handler (last in MessagePipeline). All singletons: built once, thread-safe; questions go through
    /// <see cref="KnowledgeHolder"/>, which the console's knowledge edits replace without a restart.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, BotPaths paths)
    {
        services.AddOptions<RetrievalOptions>();
        services.AddOptions<KnowledgeOptions>()
            .Validate(o => o.ResultCacheSize >= 0, "Knowledge:ResultCacheSize must be 0 (cache off) or a positive number of questions.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RetrievalResultCache(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResultCacheSize));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => KnowledgeLoader.LoadOrThrow(paths.KnowledgeDirectory));
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<KnowledgeRetriever>();
        services.AddSingleton<KnowledgeHolder>();
        services.AddSingleton<IKnowledgeReloader>(sp => sp.GetRequiredService<KnowledgeHolder>());
        services.AddSingleton<IKnowledgeAnswerer>(sp => sp.GetRequiredService<KnowledgeHolder>());
        services.AddSingleton<IMessageHandler, KnowledgeMessageHandler>();
        return services;
    }
}
