using System.Text;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// Rewrites a slip on a domain term to the term: a homophone typed through a pinyin IME (认怔→认证, 队公→对公,
/// 营页→营业: same toneless syllables, or the same once front and back nasals are heard alike as a fuzzy-pinyin IME
/// hears them, 水映→水印; at least one character shared), one wrong character in a term of four or more
/// (营业执找→营业执照), pinyin initials typed in Latin letters (qywx→企业微信) and a term's whole pinyin typed in Latin
/// letters, as an IME left unconverted (shuiyin→水印). Text the knowledge base already
/// uses is never touched, so a correct question stays as it is. Built once per index; thread-safe (read-only).
/// </summary>
public sealed class TypoCorrector
{
    private const int MinLength = 2;
    private const int MaxLength = 5;

    // One wrong character in a shorter term is too often another real word (工商户 / 工商那); from four on it is a slip.
    private const int MinWildcardLength = 4;

    // Numbers and measure words make pairs no text has written before (分几次, 三千多) without being slips: a slip never
    // replaces one (KeepsNumerals).
    private const string Numerals = "几两一二三四五六七八九十百千万亿多半每个次";

    // Words that join two topics (扫脸和对公打款): rewriting one (和对 → 核对) merges the sides of a comparison into a
    // term nobody asked about, and an IME rarely slips on them.
    private const string Joiners = "和跟与或及";

    private readonly Func<string, bool> isKnown;
    private readonly Func<string, bool> isWord;
    private readonly Dictionary<string, string> bySyllables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byWildcard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byInitials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> bySpelledPinyin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byFuzzySyllables = new(StringComparer.Ordinal);

    // A term's whole pinyin typed in Latin letters (shuiyin → 水印, liucheng → 流程) is read as the term from this many
    // letters on: shorter runs are too often English words or units.
    private const int MinSpelledLength = 5;

    /// <param name="terms">The domain's key terms (words of titles, questions and tags), most important first: the first term wins a tie.</param>
    /// <param name="isKnown">True for any text the knowledge base uses (a word or a character bigram of an entry): a piece whose
    /// every two neighbouring characters the knowledge base writes somewhere is no slip (企业微信), so only a piece with a pair
    /// the knowledge base never writes (认怔, 队公, 执造) is a candidate.</param>
    /// <param name="isWord">True when the piece is a word of the language in its own right (负责人, 以后, 完成): never a slip.</param>
    /// <param name="spellings">Other ways of writing the terms (synonyms.yaml's variants: 扫脸, 个体户): only a homophone of one is a
    /// slip (扫联, 个题户). One character off them is not: the variants hold short, common words (子管理员 would take 做管理员).</param>
    public TypoCorrector(IEnumerable<string> terms, Func<string, bool> isKnown, Func<string, bool> isWord, IEnumerable<string>? spellings = null)
    {
        this.isKnown = isKnown;
        this.isWord = isWord;
        foreach (var term in terms)
        {
            if (term.Length is < MinLength or > MaxLength || !term.All(Pinyin.IsHan))
            {
                continue;
            }

            if (Pinyin.Full(term) is { } syllables)
            {
                bySyllables.TryAdd(syllables, term);
                byFuzzySyllables.TryAdd(Pinyin.Fuzzy(syllables), term);
                if (syllables.Replace(" ", string.Empty, StringComparison.Ordinal) is { Length: >= MinSpelledLength } spelled)
                {
                    bySpelledPinyin.TryAdd(spelled, term);
                }
            }

            if (term.Length >= MinWildcardLength)
            {
                for (var i = 0; i < term.Length; i++)
                {
                    byWildcard.TryAdd(Wildcard(term, i), term);
                }

                if (Pinyin.Initials(term) is { } initials)
                {
                    // Two terms with the same initials: the more important one (earlier) is meant, as for syllables.
                    byInitials.TryAdd(initials, term);
                }
            }
        }

        foreach (var spelling in spellings ?? [])
        {
            if (spelling.Length is >= MinLength and <= MaxLength && spelling.All(Pinyin.IsHan) && Pinyin.Full(spelling) is { } syllables)
            {
                bySyllables.TryAdd(syllables, spelling);
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
                var letters = word.ToLowerInvariant();
                if ((word.Length is >= 3 and <= MaxLength && byInitials.TryGetValue(letters, out var term)) || bySpelledPinyin.TryGetValue(letters, out term))
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
            if (!piece.All(Pinyin.IsHan) || isKnown(piece) || !HasUnknownPair(piece))
            {
                continue;
            }

            // Same syllables first; then the same as a fuzzy-pinyin IME hears them (水映 → 水印: shui ying / shui yin).
            if (Pinyin.Full(piece) is { } syllables
                && (bySyllables.TryGetValue(syllables, out var homophone) || byFuzzySyllables.TryGetValue(Pinyin.Fuzzy(syllables), out homophone))
                && SharesACharacter(piece, homophone) && KeepsNumerals(piece, homophone) && ChangesOnlyUnknownPairs(text, start, homophone) && !InsideAWord(text, start, length))
            {
                replacement = homophone;
                return true;
            }

            if (length >= MinWildcardLength)
            {
                for (var i = 0; i < length; i++)
                {
                    if (byWildcard.TryGetValue(Wildcard(piece, i), out var near) && KeepsNumerals(piece, near) && ChangesOnlyUnknownPairs(text, start, near) && !InsideAWord(text, start, length))
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

    /// <summary>
    /// No number or measure word of the piece is replaced: 个 stays 个 (个题户 → 个体户), but 分几次 is not read as a term with
    /// another character where 几 is.
    /// </summary>
    private static bool KeepsNumerals(string piece, string term)
    {
        for (var i = 0; i < piece.Length; i++)
        {
            if (Numerals.Contains(piece[i]) && term[i] != piece[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every character replaced sits in a pair the knowledge base never writes: the slip is where the text is strange.</summary>
    private bool ChangesOnlyUnknownPairs(string text, int start, string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            var at = start + i;
            if (text[at] == term[i])
            {
                continue;
            }

            if (Joiners.Contains(text[at]))
            {
                return false;
            }

            // A character that forms a known pair with a neighbour outside the piece belongs there (通过企业: 企 is not a slip of 期).
            var before = at > 0 && Pinyin.IsHan(text[at - 1]) && isKnown(text.Substring(at - 1, 2));
            var after = at + 1 < text.Length && Pinyin.IsHan(text[at + 1]) && isKnown(text.Substring(at, 2));
            if ((i == 0 && before) || (i == term.Length - 1 && after) || (before && after))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The piece, or the piece with one more character on either side, is a word of the language (责人 in 负责人).</summary>
    private bool InsideAWord(string text, int start, int length) =>
        isWord(text.Substring(start, length))
        || (start > 0 && isWord(text.Substring(start - 1, length + 1)))
        || (start + length < text.Length && isWord(text.Substring(start, length + 1)));

    private bool HasUnknownPair(string piece)
    {
        for (var i = 0; i + 1 < piece.Length; i++)
        {
            if (!isKnown(piece.Substring(i, 2)))
            {
                return true;
            }
        }

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
