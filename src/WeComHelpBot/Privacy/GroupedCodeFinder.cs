using System.Text;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Finds 统一社会信用代码 typed in groups ("9144 0300 MA5F T8Q7 KL", "914403-00MA5F-T8Q7KL"), which no pattern over
/// contiguous characters sees: the text is cut into runs of letters and digits, runs joined by separators form a chain,
/// and the longest whole runs of a chain that read as a code are reported. Codes of digits only are left to the digit
/// rules of <see cref="PersonalDataMasker"/>, which allow the same separators.
/// </summary>
internal static class GroupedCodeFinder
{
    /// <summary>What a code may shrink or grow to when mistyped (see the mistyped rule of <see cref="PersonalDataMasker"/>).</summary>
    private const int MinLength = 15;
    private const int MaxLength = 20;

    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Spans of two or more runs that read as a code with at least one letter, and the code without its separators.</summary>
    public static IEnumerable<(int Start, int Length, string Code)> Find(string text)
    {
        var runs = Runs(text);
        var chainStart = 0;
        for (var i = 1; i <= runs.Count; i++)
        {
            if (i < runs.Count && PersonalDataMasker.IsSeparator(text.AsSpan(runs[i - 1].End, runs[i].Start - runs[i - 1].End)))
            {
                continue;
            }

            if (i - chainStart >= 2)
            {
                foreach (var span in FindInChain(text, runs.GetRange(chainStart, i - chainStart)))
                {
                    yield return span;
                }
            }

            chainStart = i;
        }
    }

    private static List<(int Start, int Length, string Code)> FindInChain(string text, List<(int Start, int End)> chain)
    {
        var found = new List<(int Start, int Length, string Code)>();
        var used = new bool[chain.Count];

        // A well-formed code first, so that a word in front ("code 9144 …") cannot pass for the start of a mistyped one.
        Sweep(text, chain, used, found, IsCreditCode, canStartWithWord: true);
        Sweep(text, chain, used, found, IsMistypedCode, canStartWithWord: false);
        return found;
    }

    private static void Sweep(string text, List<(int Start, int End)> chain, bool[] used, List<(int Start, int Length, string Code)> found, Func<string, bool> isCode, bool canStartWithWord)
    {
        for (var first = 0; first < chain.Count; first++)
        {
            if (used[first] || (!canStartWithWord && IsWord(text, chain[first])))
            {
                continue;
            }

            var compact = new StringBuilder();
            var best = -1;
            var bestCode = string.Empty;
            for (var last = first; last < chain.Count && !used[last]; last++)
            {
                var length = chain[last].End - chain[last].Start;
                if (compact.Length + length > MaxLength)
                {
                    break;
                }

                // Full-width letters and digits become ASCII; the length stays the same.
                compact.Append(text, chain[last].Start, length);
                var code = compact.ToString().Normalize(NormalizationForm.FormKC);
                if (last > first && isCode(code.ToUpperInvariant()))
                {
                    best = last;
                    bestCode = code;
                }
            }

            if (best < 0)
            {
                continue;
            }

            found.Add((chain[first].Start, chain[best].End - chain[first].Start, bestCode));
            Array.Fill(used, true, first, best - first + 1);
            first = best;
        }
    }

    /// <summary>18 characters of the GB 32100 alphabet with the region code (characters 3–8) in digits.</summary>
    private static bool IsCreditCode(string code) =>
        code.Length == 18 && code.All(CreditCodeAlphabet.Contains) && code[2..8].All(char.IsAsciiDigit)
        && HasLetter(code) && !IsResidentIdLike(code);

    /// <summary>A code typed with a character too many or too few, or a look-alike letter: mostly digits, at least one letter.</summary>
    private static bool IsMistypedCode(string code) =>
        code.Length is >= MinLength and <= MaxLength && code.All(char.IsAsciiLetterOrDigit) && code.Count(char.IsAsciiDigit) >= 10
        && HasLetter(code) && !IsResidentIdLike(code);

    private static bool HasLetter(string code) => code.Any(char.IsAsciiLetter);

    /// <summary>17 digits and an X is an ID number: the digit rules mask it as one.</summary>
    private static bool IsResidentIdLike(string code) => code.Length == 18 && code[17] == 'X' && code[..17].All(char.IsAsciiDigit);

    /// <summary>A run without digits ("code", "ID") is a word, not the start of a code.</summary>
    private static bool IsWord(string text, (int Start, int End) run) => !text[run.Start..run.End].Any(char.IsDigit);

    /// <summary>Maximal runs of ASCII or full-width letters and decimal digits.</summary>
    private static List<(int Start, int End)> Runs(string text)
    {
        var runs = new List<(int Start, int End)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && IsCodeCharacter(text[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                runs.Add((start, i));
                start = -1;
            }
        }

        return runs;
    }

    private static bool IsCodeCharacter(char c) =>
        char.IsAsciiLetter(c) || char.IsDigit(c) || c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';
}
