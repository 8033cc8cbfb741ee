namespace WeComHelpBot.Knowledge;

/// <summary>
/// The knowledge the running bot answers from, replaceable without a restart: <see cref="Build"/> a snapshot from a
/// newly loaded knowledge base, check it, then <see cref="Publish"/> it; turns already running finish on the old one.
/// </summary>
public interface IKnowledgeReloader
{
    KnowledgeSnapshot Current { get; }

    /// <summary>Builds the index and retriever for <paramref name="knowledge"/> the way the services are built, without publishing them.</summary>
    KnowledgeSnapshot Build(KnowledgeBase knowledge);

    /// <summary>Makes <paramref name="snapshot"/> the one every later question is answered from, in one step.</summary>
    void Publish(KnowledgeSnapshot snapshot);
}
