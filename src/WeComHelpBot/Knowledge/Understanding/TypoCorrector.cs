using System.Text;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// Rewrites a slip on a domain term to the term: a homophone typed through a pinyin IME (认怔→认证, 队公→对公,
/// 营页→营业: same toneless syllables, at least one character shared), one wrong character in a term of three or more
/// (营业执找→营业执照), and pinyin initials typed in Latin letters (qywx→企业微信). Text the knowledge base already
/// uses is never touched, so a correct question stays as it is. Built once per index; thread-safe (read-only).
/// </summary>
public sealed class TypoCorrector
{
    private const int MinLength = 2;
    private const int MaxLength = 5;

    private readonly Func<string, bool> isKnown;
    private readonly Dictionary<string, string> bySyllables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byWildcard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byInitials = new(StringComparer.Ordinal);

    /// <param name="terms">The domain's key terms (words of titles, questions and tags), most important first: the first term wins a tie.</param>
    /// <param name="isKnown">True for any text the knowledge base uses (a word or a character bigram of an entry).</param>
    public TypoCorrector(IEnumerable<string> terms, Func<string, bool> isKnown)
    {
        this.isKnown = isKnown;
        foreach (var term in terms)
        {
            if (term.Length is < MinLength or > MaxLength || !term.All(Pinyin.IsHan))
            {
                continue;
            }

            if (Pinyin.Full(term) is { } syllables)
            {
                bySyllables.TryAdd(syllables, term);
            }

            if (term.Length >= 3)
            {
                for (var i = 0; i < term.Length; i++)
                {
                    byWildcard.TryAdd(Wildcard(term, i), term);
                }

                if (Pinyin.Initials(term) is { } initials)
                {
                    // Two terms with the same initials: neither is meant more than the other, so neither is guessed.
                    if (!byInitials.TryAdd(initials, term) && byInitials[initials] != term)
                    {
                        byInitials[initials] = string.Empty;
                    }
                }
            }
        }
    }

    /// <summary>The text with slips replaced, and how many were replaced.</summary>
    public (string Text, int Corrections) Correct(string text)
    {
        var builder = new StringBuilder(text.Length);
        var corrections = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (Pinyin.IsHan(text[i]) && TryCorrectAt(text, i, out var length, out var replacement))
            {
                builder.Append(replacement);
                corrections++;
                i += length;
                continue;
            }

            if (IsAsciiLetter(text[i]))
            {
                var end = i;
                while (end < text.Length && IsAsciiLetter(text[end]))
                {
                    end++;
                }

                var word = text[i..end];
                if (word.Length is >= 3 and <= MaxLength && byInitials.TryGetValue(word.ToLowerInvariant(), out var term) && term.Length > 0)
                {
                    builder.Append(term);
                    corrections++;
                }
                else
                {
                    builder.Append(word);
                }

                i = end;
                continue;
            }

            builder.Append(text[i]);
            i++;
        }

        return (corrections == 0 ? text : builder.ToString(), corrections);
    }

    private bool TryCorrectAt(string text, int start, out int length, out string replacement)
    {
        // Longest first: 营业执找 is one slip in 营业执照, not a correct 营业 followed by something unknown.
        for (length = Math.Min(MaxLength, text.Length - start); length >= MinLength; length--)
        {
            var piece = text.Substring(start, length);
            if (!piece.All(Pinyin.IsHan) || isKnown(piece))
            {
                continue;
            }

            if (Pinyin.Full(piece) is { } syllables && bySyllables.TryGetValue(syllables, out var homophone) && SharesACharacter(piece, homophone))
            {
                replacement = homophone;
                return true;
            }

            if (length >= 3)
            {
                for (var i = 0; i < length; i++)
                {
                    if (byWildcard.TryGetValue(Wildcard(piece, i), out var near))
                    {
                        replacement = near;
                        return true;
                    }
                }
            }
        }

        length = 0;
        replacement = string.Empty;
        return false;
    }

    private static bool SharesACharacter(string a, string b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                return true;
            }
        }

        return false;
    }

    private static string Wildcard(string term, int position) => string.Concat(term.AsSpan(0, position), "*", term.AsSpan(position + 1));

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
