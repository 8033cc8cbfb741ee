namespace WeComHelpBot.Knowledge;

/// <summary>What <see cref="KnowledgeLoader"/> found: the entries it could read and every problem, in file order.</summary>
public sealed record KnowledgeLoadResult(KnowledgeBase Knowledge, IReadOnlyList<KnowledgeProblem> Problems, int FileCount)
{
    public bool IsValid => Problems.Count == 0;
}
