using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace WeComHelpBot.Recognition;

/// <summary>Puts user text in one canonical form before matching: full-width to half-width, lower case, no spaces or punctuation.</summary>
public static class TextNormalizer
{
    // ICU's Traditional-Simplified rules as a character table (embedded, see CjkTable): the table is immutable, so every
    // thread reads it without a lock, and a lookup per character costs far less than running the transliterator per message.
    private static readonly Lazy<FrozenDictionary<char, char>> SimplifiedTable = new(CjkTable.ReadSimplified);

    /// <summary>
    /// Traditional Chinese characters replaced by their simplified forms (個體戶→个体户, 認證→认证); everything else is
    /// kept as it is, so the result lines up character for character with the input. Run before any other analysis.
    /// </summary>
    public static string ToSimplified(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var table = SimplifiedTable.Value;
        char[]? buffer = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (table.TryGetValue(text[i], out var simplified))
            {
                buffer ??= text.ToCharArray();
                buffer[i] = simplified;
            }
        }

        return buffer is null ? text : new string(buffer);
    }

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = UnicodeText.Clean(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || category is UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol)
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Drops sentence-final particles people add in chat ("好的呀", "有的吧", "人脸识别吧").</summary>
    public static string TrimParticles(string normalized)
    {
        var end = normalized.Length;
        while (end > 1 && "了的啊呀吧呢哈哦喔嘛啦哟噢~".Contains(normalized[end - 1]))
        {
            end--;
        }

        return normalized[..end];
    }
}
