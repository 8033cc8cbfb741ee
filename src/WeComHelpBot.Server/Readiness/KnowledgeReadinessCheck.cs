using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Server.Readiness;

/// <summary>The knowledge base is loaded, has entries, and the retriever answers a question from it.</summary>
public sealed class KnowledgeReadinessCheck(KnowledgeBase knowledge, KnowledgeRetriever retriever) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (knowledge.Entries.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("知识库没有条目"));
        }

        // Any entry's own first question must find something: an index that cannot is not serving.
        var question = knowledge.Entries[0].Questions.FirstOrDefault() ?? knowledge.Entries[0].Title;
        return Task.FromResult(retriever.Search(question).Candidates.Count > 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("检索不到任何条目"));
    }
}
