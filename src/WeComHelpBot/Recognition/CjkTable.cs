using System.Collections.Frozen;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Per-character tables over the CJK Unified Ideographs block (U+4E00–U+9FFF), embedded in the assembly. They are ICU's
/// Traditional-Simplified and "Han-Latin; Latin-ASCII" results for every character of the block, written once: running
/// those ICU transliterators at start-up cost ~1.4 s and ~60 MB for two small tables. CjkTableTests checks both files
/// against ICU; to regenerate them, write what those tests compute (one "traditional simplified" pair per line; one
/// syllable per character, in code point order).
/// </summary>
internal static class CjkTable
{
    public const char First = '\u4E00';
    public const char Last = '\u9FFF';

    public const string SimplifiedResource = "WeComHelpBot.Recognition.TraditionalSimplified.txt";
    public const string PinyinResource = "WeComHelpBot.Recognition.Pinyin.txt";

    /// <summary>Traditional character → simplified character, for the characters that have a different simplified form.</summary>
    public static FrozenDictionary<char, char> ReadSimplified()
    {
        var table = new Dictionary<char, char>();
        foreach (var line in ReadLines(SimplifiedResource))
        {
            if (line.Length != 2)
            {
                throw new InvalidDataException($"{SimplifiedResource}: expected two characters per line, found \"{line}\"");
            }

            table.Add(line[0], line[1]);
        }

        return table.ToFrozenDictionary();
    }

    /// <summary>The toneless syllable of each character of the block, by <c>c - First</c>; repeated syllables share one string.</summary>
    public static string[] ReadPinyin()
    {
        var syllables = new string[Last - First + 1];
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var line in ReadLines(PinyinResource))
        {
            if (i == syllables.Length)
            {
                throw new InvalidDataException($"{PinyinResource}: more lines than the {syllables.Length} characters of the block");
            }

            if (!shared.TryGetValue(line, out var syllable))
            {
                syllable = line;
                shared.Add(line, line);
            }

            syllables[i++] = syllable;
        }

        if (i != syllables.Length)
        {
            throw new InvalidDataException($"{PinyinResource}: {i} lines for the {syllables.Length} characters of the block");
        }

        return syllables;
    }

    private static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = typeof(CjkTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
