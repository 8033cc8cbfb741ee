using WeComHelpBot.Validation;

namespace WeComHelpBot.Images;

/// <summary>
/// Finds the one valid 统一社会信用代码 an OCR reading stands for. The check character catches a misread character;
/// trying the confusions OCR (and people) make — 0/O/D, 1/I/L, 2/Z, 5/S, 8/B — at one position, plus any
/// character the code cannot contain, gives the reading that passes GB 32100. Two or more passing readings with the
/// same number of changes are no answer: the photo has to be read by a person.
/// </summary>
public static class CreditCodeRepair
{
    /// <summary>
    /// Changes tried besides the characters a code cannot hold (I, O, Z, S and the like). One: the check character is
    /// sure to catch one misread character, while with two a wrong reading often passes too.
    /// </summary>
    public const int MaxOptionalChanges = 1;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly string[] Groups = ["0OD", "1IL", "2Z", "5S", "8B"];

    /// <summary>The valid code and the 0-based positions changed, or null when none or more than one reading passes.</summary>
    public static (string Code, IReadOnlyList<int> Changed)? Repair(string read)
    {
        if (read.Length != UnifiedSocialCreditCode.Length)
        {
            return null;
        }

        var options = new List<char>[read.Length];
        var forced = new List<int>();
        for (var i = 0; i < read.Length; i++)
        {
            var alternatives = (Groups.FirstOrDefault(g => g.Contains(read[i])) ?? string.Empty)
                .Where(c => c != read[i] && Allowed(i, c))
                .ToList();
            options[i] = alternatives;
            if (!Allowed(i, read[i]))
            {
                if (alternatives.Count == 0)
                {
                    return null;
                }

                forced.Add(i);
            }
        }

        if (forced.Count > 4)
        {
            return null;
        }

        var optional = Enumerable.Range(0, read.Length).Where(i => !forced.Contains(i) && options[i].Count > 0).ToList();
        for (var changes = 0; changes <= MaxOptionalChanges; changes++)
        {
            var found = new List<(string Code, IReadOnlyList<int> Changed)>();
            foreach (var positions in Choose(optional, changes))
            {
                var changed = forced.Concat(positions).Order().ToList();
                foreach (var candidate in Expand(read.ToCharArray(), changed, 0, options))
                {
                    if (UnifiedSocialCreditCode.Check(candidate).IsValid && found.All(f => f.Code != candidate))
                    {
                        found.Add((candidate, changed));
                    }
                }
            }

            if (found.Count > 0)
            {
                return found.Count == 1 ? found[0] : null;
            }
        }

        return null;
    }

    /// <summary>Positions 3–8 are the region code: digits only.</summary>
    private static bool Allowed(int position, char c) => Alphabet.Contains(c) && (position is < 2 or > 7 || char.IsAsciiDigit(c));

    private static IEnumerable<string> Expand(char[] code, IReadOnlyList<int> changed, int index, List<char>[] options)
    {
        if (index == changed.Count)
        {
            yield return new string(code);
            yield break;
        }

        var position = changed[index];
        var original = code[position];
        foreach (var alternative in options[position])
        {
            code[position] = alternative;
            foreach (var result in Expand(code, changed, index + 1, options))
            {
                yield return result;
            }
        }

        code[position] = original;
    }

    private static IEnumerable<IReadOnlyList<int>> Choose(IReadOnlyList<int> items, int count, int start = 0)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= items.Count - count; i++)
        {
            foreach (var rest in Choose(items, count - 1, i + 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
