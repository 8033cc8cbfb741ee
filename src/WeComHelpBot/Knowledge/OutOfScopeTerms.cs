namespace WeComHelpBot.Knowledge;

/// <summary>
/// Names of other products and topics the bot never answers about (knowledge/out-of-scope.yaml). A question that
/// names one is out of scope however well its other words match an entry: "钉钉怎么打卡" shares 打卡 with the
/// app-setup entry, but an answer about WeCom would mislead. The loader guarantees no entry's title, questions or
/// tags contain a term, so a term never hides a question the knowledge base answers.
/// </summary>
public sealed class OutOfScopeTerms(IEnumerable<string> terms)
{
    public static OutOfScopeTerms Empty { get; } = new([]);

    public IReadOnlyList<string> Terms { get; } = terms.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The first term <paramref name="question"/> names, or null.</summary>
    public string? FindIn(string question)
    {
        foreach (var term in Terms)
        {
            if (question.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return term;
            }
        }

        return null;
    }
}
