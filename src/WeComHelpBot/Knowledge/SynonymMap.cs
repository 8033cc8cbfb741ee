using System.Text;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Util;
using LuceneSynonyms = Lucene.Net.Analysis.Synonym.SynonymMap;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Groups of words that mean the same thing; the first word of a group is canonical. Text is rewritten to
/// canonical words (longest match first) before it is analysed, at index time and at query time alike,
/// so 扫脸 in a question finds 人脸识别 in an answer. <see cref="EnglishGroups"/> do the same for the en: blocks, word by
/// word (cost → fee, at once → batch), in the English fields' analysis.
/// </summary>
public sealed class SynonymMap
{
    private readonly Dictionary<string, string> canonicalOf;
    private readonly int longestWord;

    public SynonymMap(IEnumerable<IReadOnlyList<string>> groups, IEnumerable<IReadOnlyList<string>>? english = null)
    {
        canonicalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<IReadOnlyList<string>>();
        foreach (var group in groups)
        {
            var words = group.Select(w => w.Trim()).Where(w => w.Length > 0).ToList();
            if (words.Count < 2)
            {
                continue;
            }

            kept.Add(words);
            var canonical = Spaced(words[0]);
            foreach (var word in words)
            {
                // A word already claimed by an earlier group keeps that meaning; the loader reports the clash.
                canonicalOf.TryAdd(word, canonical);
            }
        }

        Groups = kept;
        longestWord = canonicalOf.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        CharMap = BuildCharMap();
        EnglishGroups = (english ?? []).Select(g => (IReadOnlyList<string>)g.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).ToList()).Where(g => g.Count >= 2).ToList();
        EnglishMap = BuildEnglishMap(EnglishGroups);
    }

    public static SynonymMap Empty { get; } = new([]);

    /// <summary>
    /// A Latin canonical word (API) with a space on each side: two synonyms side by side (API接口 → API + API) would
    /// otherwise glue into one unknown token (APIAPI), and a Latin word beside letters (API接口导入) must stay a word.
    /// </summary>
    private static string Spaced(string canonical) =>
        (char.IsAsciiLetterOrDigit(canonical[0]) ? " " : string.Empty) + canonical + (char.IsAsciiLetterOrDigit(canonical[^1]) ? " " : string.Empty);

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>The first word of every group, as written in synonyms.yaml.</summary>
    public IEnumerable<string> CanonicalWords => Groups.Select(g => g[0]);

    /// <summary>Groups of English words or phrases (lower case) that mean the same; the first is canonical.</summary>
    public IReadOnlyList<IReadOnlyList<string>> EnglishGroups { get; }

    /// <summary>The English groups as a Lucene synonym map (each other word or phrase rewritten to the first); null when there are none.</summary>
    public LuceneSynonyms? EnglishMap { get; }

    /// <summary>The same rewriting as a Lucene char map, for <see cref="MappingCharFilter"/>; null when there are no synonyms.</summary>
    public NormalizeCharMap? CharMap { get; }

    /// <summary>Rewrites every known word to its canonical form, longest match first, left to right.</summary>
    public string Normalize(string text)
    {
        if (canonicalOf.Count == 0 || string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            for (var length = Math.Min(longestWord, text.Length - i); length > 0; length--)
            {
                if (canonicalOf.TryGetValue(text.Substring(i, length), out var canonical))
                {
                    result.Append(canonical);
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                result.Append(text[i]);
                i++;
            }
        }

        return result.ToString();
    }

    private NormalizeCharMap? BuildCharMap()
    {
        if (canonicalOf.Count == 0)
        {
            return null;
        }

        var builder = new NormalizeCharMap.Builder();
        foreach (var (word, canonical) in canonicalOf)
        {
            // Canonical words map to themselves so a longer canonical word is not split by a shorter variant inside it.
            builder.Add(word, canonical);
        }

        return builder.Build();
    }

    private static LuceneSynonyms? BuildEnglishMap(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        if (groups.Count == 0)
        {
            return null;
        }

        // Phrases are joined word by word, the way the synonym filter meets them in the token stream (at a time → at, a, time).
        static CharsRef Phrase(string words) => LuceneSynonyms.Builder.Join(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), new CharsRef());
        var builder = new LuceneSynonyms.Builder(dedup: true);
        foreach (var group in groups)
        {
            foreach (var word in group.Skip(1))
            {
                builder.Add(Phrase(word), Phrase(group[0]), includeOrig: false);
            }
        }

        return builder.Build();
    }
}
