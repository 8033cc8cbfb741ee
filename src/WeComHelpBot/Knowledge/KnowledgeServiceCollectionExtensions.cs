using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base loaded from knowledge/ (a broken file stops start-up with file:line), its in-memory
    /// index, the retriever, and the answering handler (Order 1000). All singletons: built once, thread-safe.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, BotPaths paths)
    {
        services.AddOptions<RetrievalOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => KnowledgeLoader.LoadOrThrow(paths.KnowledgeDirectory));
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<KnowledgeRetriever>();
        services.AddSingleton<IKnowledgeAnswerer>(sp => sp.GetRequiredService<KnowledgeRetriever>());
        services.AddSingleton<IMessageHandler, KnowledgeMessageHandler>();
        return services;
    }
}
