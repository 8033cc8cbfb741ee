using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// One retriever over the shipped knowledge base for the tests that only read it: the index is built once for all of them
/// (Lucene's searcher is safe to share between threads) and lives as long as the test run.
/// </summary>
internal static class ShippedKnowledge
{
    private static readonly Lazy<KnowledgeRetriever> Shared = new(() =>
    {
        var options = Options.Create(new RetrievalOptions());
        return new KnowledgeRetriever(new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge), options), options);
    });

    public static KnowledgeRetriever Retriever => Shared.Value;
}
