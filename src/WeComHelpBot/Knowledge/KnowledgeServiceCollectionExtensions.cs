using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge base loaded from knowledge/, its index, and the answering handler (Order 1000).</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, BotPaths paths)
    {
        // Placeholder until retrieval lands (knowledge-base issue): replaced, not extended.
        services.AddSingleton<IKnowledgeAnswerer>(new PlaceholderAnswerer());
        services.AddSingleton<IMessageHandler, KnowledgeMessageHandler>();
        return services;
    }

    private sealed class PlaceholderAnswerer : IKnowledgeAnswerer
    {
        public KnowledgeAnswer Answer(string question) => new(question, AnswerKind.OutOfScope, null, null, null, 0, []);
    }
}
