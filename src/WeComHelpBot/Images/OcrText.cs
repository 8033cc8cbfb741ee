using System.Globalization;
using System.Text;

namespace WeComHelpBot.Images;

/// <summary>Cleans tesseract's output: full-width forms folded (NFKC), the spaces it puts between Chinese characters removed, empty lines dropped.</summary>
public static class OcrText
{
    public static string Clean(string? raw, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var lines = raw.Normalize(NormalizationForm.FormKC)
            .Split('\n')
            .Select(CleanLine)
            .Where(line => line.Any(char.IsLetterOrDigit));
        var text = string.Join('\n', lines);
        return text.Length > maxChars ? text[..maxChars] : text;
    }

    private static string CleanLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        var trimmed = line.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsWhiteSpace(c))
            {
                var previous = builder.Length > 0 ? builder[^1] : ' ';
                var next = NextNonSpace(trimmed, i);
                if (IsCjk(previous) || IsCjk(next) || previous == ' ')
                {
                    continue;
                }

                builder.Append(' ');
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static char NextNonSpace(string text, int index)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return ' ';
    }

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3000' and <= '\u303F' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;
}
