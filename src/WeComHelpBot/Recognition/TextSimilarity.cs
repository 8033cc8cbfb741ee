namespace WeComHelpBot.Recognition;

/// <summary>
/// Character-bigram similarity. Unspaced Chinese has no word boundaries, and bigrams survive the usual
/// variations (extra words, particles, different word order) better than exact or token matching.
/// </summary>
public static class TextSimilarity
{
    /// <summary>Dice coefficient of the two texts' character bigrams, 0..1, after normalization.</summary>
    public static double Dice(string? a, string? b) =>
        Dice(Bigrams(TextNormalizer.Normalize(a)), Bigrams(TextNormalizer.Normalize(b)));

    /// <summary>Dice coefficient of two bigram sets from <see cref="Bigrams"/> (for a text compared with many others).</summary>
    public static double Dice(IReadOnlySet<string> left, IReadOnlySet<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        return 2.0 * CommonCount(left, right) / (left.Count + right.Count);
    }

    /// <summary>Share of <paramref name="part"/>'s bigrams that occur in <paramref name="text"/>, 0..1.</summary>
    public static double Coverage(string? part, string? text)
    {
        var partGrams = Bigrams(TextNormalizer.Normalize(part));
        var textGrams = Bigrams(TextNormalizer.Normalize(text));
        return partGrams.Count == 0 ? 0 : (double)partGrams.Count(textGrams.Contains) / partGrams.Count;
    }

    /// <summary>
    /// How many grams the two sets share. A loop over the smaller set, without LINQ's enumerator and delegate: flow
    /// triggers are compared with every message (FlowTriggerMatcher), well over a hundred sets per turn.
    /// </summary>
    private static int CommonCount(IReadOnlySet<string> left, IReadOnlySet<string> right)
    {
        // With one comparer for both, either set may be the one looked up in: the count is the same.
        if (left is HashSet<string> small && right is HashSet<string> large && Equals(small.Comparer, large.Comparer))
        {
            if (small.Count > large.Count)
            {
                (small, large) = (large, small);
            }

            var shared = 0;
            foreach (var gram in small)
            {
                if (large.Contains(gram))
                {
                    shared++;
                }
            }

            return shared;
        }

        return left.Count(right.Contains);
    }

    public static HashSet<string> Bigrams(string normalized)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (normalized.Length == 1)
        {
            grams.Add(normalized);
        }

        for (var i = 0; i + 1 < normalized.Length; i++)
        {
            grams.Add(normalized.Substring(i, 2));
        }

        return grams;
    }
}
