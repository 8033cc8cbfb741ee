using System.Text;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Toneless pinyin of Chinese characters (认→ren, 证→zheng), ICU's Han-Latin rules applied to each character once and
/// embedded (<see cref="CjkTable"/>), so a homophone typed by a pinyin IME (认怔, 队公, 营页) can be matched to the word
/// meant. A word's pinyin is its characters' pinyin, which is right for the domain's vocabulary.
/// </summary>
public static class Pinyin
{
    // Read on first use (the first typo check) and never changed: every thread reads it without a lock.
    private static readonly Lazy<string[]> Syllables = new(CjkTable.ReadPinyin);

    /// <summary>The syllable of one Han character ("ren"), or null for anything else.</summary>
    public static string? Of(char c) => IsHan(c) ? Syllables.Value[c - CjkTable.First] : null;

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

    /// <summary>
    /// Syllables as a fuzzy-pinyin IME reads them (模糊音): ang/eng/ing as an/en/in, the front and back nasals such an IME
    /// lets people type either way ("shui ying" and "shui yin" are both "shui yin"). zh/ch/sh against z/c/s is left out:
    /// together with the nasals it made 捐赠人 (juan zeng ren) sound like 真人 (zhen ren).
    /// </summary>
    public static string Fuzzy(string syllables)
    {
        var parts = syllables.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].EndsWith("ang", StringComparison.Ordinal) || parts[i].EndsWith("eng", StringComparison.Ordinal) || parts[i].EndsWith("ing", StringComparison.Ordinal))
            {
                parts[i] = parts[i][..^1];
            }
        }

        return string.Join(' ', parts);
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

    public static bool IsHan(char c) => c is >= CjkTable.First and <= CjkTable.Last;
}
