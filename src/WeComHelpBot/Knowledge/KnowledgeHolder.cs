using Microsoft.Extensions.DependencyInjection;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Hands out the current <see cref="KnowledgeSnapshot"/> and answers from it. It starts with the KnowledgeBase,
/// KnowledgeIndex and KnowledgeRetriever singletons and swaps the whole snapshot at once, so a question never sees a
/// new knowledge base with an old index. New snapshots are built through the service provider (ActivatorUtilities), so
/// the index and retriever get whatever else their constructors ask for, as the singletons do.
/// </summary>
public sealed class KnowledgeHolder(IServiceProvider services) : IKnowledgeReloader, IKnowledgeAnswerer
{
    private readonly Lazy<KnowledgeSnapshot> initial = new(() => new KnowledgeSnapshot(
        services.GetRequiredService<KnowledgeBase>(),
        services.GetRequiredService<KnowledgeIndex>(),
        services.GetRequiredService<KnowledgeRetriever>()));

    private KnowledgeSnapshot? published;

    public KnowledgeSnapshot Current => Volatile.Read(ref published) ?? initial.Value;

    public KnowledgeSnapshot Build(KnowledgeBase knowledge)
    {
        var index = ActivatorUtilities.CreateInstance<KnowledgeIndex>(services, knowledge);
        return new KnowledgeSnapshot(knowledge, index, ActivatorUtilities.CreateInstance<KnowledgeRetriever>(services, index));
    }

    // The replaced index is not disposed: a question already running may still be searching it, and it holds only
    // memory, which goes with it once nothing refers to it.
    public void Publish(KnowledgeSnapshot snapshot) => Volatile.Write(ref published, snapshot);

    public KnowledgeAnswer Answer(string question) => Current.Retriever.Answer(question);

    public KnowledgeAnswer Answer(string question, FollowUpContext? context) => Current.Retriever.Answer(question, context);
}
