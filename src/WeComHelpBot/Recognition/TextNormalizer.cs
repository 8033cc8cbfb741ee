using System.Globalization;
using System.Text;

namespace WeComHelpBot.Recognition;

/// <summary>Puts user text in one canonical form before matching: full-width to half-width, lower case, no spaces or punctuation.</summary>
public static class TextNormalizer
{
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
