using System.Text;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Makes user text safe for Unicode normalization: a lone surrogate (a broken emoji from a client, or garbage) makes
/// <see cref="string.Normalize(NormalizationForm)"/> throw, so it is replaced with U+FFFD, as a UTF-8 decoder would.
/// </summary>
public static class UnicodeText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstBad = FirstLoneSurrogate(text);
        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
