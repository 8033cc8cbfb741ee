namespace WeComHelpBot.Knowledge;

/// <summary>Thrown when the bot starts with a broken knowledge base; the message lists every problem as file:line.</summary>
public sealed class KnowledgeLoadException(IReadOnlyList<KnowledgeProblem> problems)
    : Exception($"知识库有 {problems.Count} 处问题，无法启动（先运行 wecomhelp kb validate）：" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
