namespace WeComHelpBot.Knowledge;

/// <summary>
/// Names of other products and topics the bot never answers about (knowledge/out-of-scope.yaml). A question that
/// names one is out of scope however well its other words match an entry: "钉钉怎么打卡" shares 打卡 with the
/// app-setup entry, but an answer about WeCom would mislead. The loader guarantees no entry's title, questions or
/// tags contain a term, so a term never hides a question the knowledge base answers. A word of the synonyms that holds
/// a term (公积金中心, 社保局: organisations that register, 事业单位) is a name in scope: the term inside it does not count.
/// </summary>
public sealed class OutOfScopeTerms(IEnumerable<string> terms, IEnumerable<string>? synonymWords = null)
{
    public static OutOfScopeTerms Empty { get; } = new([]);

    public IReadOnlyList<string> Terms { get; } = terms.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    // The synonyms' words that hold a term, the longest first (住房公积金管理中心 before 公积金中心).
    private string[]? names;

    /// <summary>The synonyms' words that hold a term and so name something in scope.</summary>
    public IReadOnlyList<string> Names => names ??= (synonymWords ?? [])
        .Where(w => Terms.Any(t => w.Length > t.Length && w.Contains(t, StringComparison.OrdinalIgnoreCase)))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .OrderByDescending(w => w.Length)
        .ToArray();

    /// <summary>The first term <paramref name="question"/> names outside the <see cref="Names"/>, or null.</summary>
    public string? FindIn(string question)
    {
        if (Find(question) is not { } term)
        {
            return null;
        }

        var without = question;
        foreach (var name in Names)
        {
            without = without.Replace(name, " ", StringComparison.OrdinalIgnoreCase);
        }

        return ReferenceEquals(without, question) ? term : Find(without);
    }

    private string? Find(string question)
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
