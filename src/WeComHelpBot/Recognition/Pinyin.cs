using System.Collections.Concurrent;
using System.Text;
using ICU4N.Text;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Toneless pinyin of Chinese characters (认→ren, 证→zheng), from ICU's Han-Latin rules shipped inside ICU4N, so a
/// homophone typed by a pinyin IME (认怔, 队公, 营页) can be matched to the word meant. Characters are looked up one at
/// a time and remembered: a word's pinyin is its characters' pinyin, which is right for the domain's vocabulary.
/// </summary>
public static class Pinyin
{
    private static readonly ConcurrentDictionary<char, string> Syllables = new();
    private static readonly Lazy<Transliterator> HanLatin = new(() => Transliterator.GetInstance("Han-Latin; Latin-ASCII"));
    private static readonly Lock TransliteratorLock = new();

    /// <summary>The syllable of one Han character ("ren"), or null for anything else.</summary>
    public static string? Of(char c)
    {
        if (!IsHan(c))
        {
            return null;
        }

        return Syllables.GetOrAdd(c, static ch =>
        {
            string latin;
            lock (TransliteratorLock)
            {
                // A transliterator instance is not documented as thread-safe; the cache makes this lock rare.
                latin = HanLatin.Value.Transliterate(ch.ToString());
            }

            return latin.Trim().ToLowerInvariant();
        });
    }

    /// <summary>Syllables of <paramref name="word"/> joined by spaces ("ren zheng"), or null when it holds a non-Han character.</summary>
    public static string? Full(string word)
    {
        var builder = new StringBuilder(word.Length * 5);
        foreach (var c in word)
        {
            if (Of(c) is not { Length: > 0 } syllable)
            {
                return null;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(syllable);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>First letters of the syllables ("rz" for 认证), or null when the word holds a non-Han character.</summary>
    public static string? Initials(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (Of(c) is not { Length: > 0 } syllable)
            {
                return null;
            }

            builder.Append(syllable[0]);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
