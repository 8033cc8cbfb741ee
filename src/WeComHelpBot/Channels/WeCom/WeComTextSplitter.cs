using System.Text;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// Splits a reply into pieces WeCom accepts (text content ≤ 2048 UTF-8 bytes), at a line break where one is
/// near, never inside a character.
/// </summary>
public static class WeComTextSplitter
{
    public const int MaxContentBytes = 2048;

    public static IReadOnlyList<string> Split(string text, int maxBytes = MaxContentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        var pieces = new List<string>();
        var rest = text.AsSpan().Trim();
        while (!rest.IsEmpty)
        {
            if (Encoding.UTF8.GetByteCount(rest) <= maxBytes)
            {
                pieces.Add(rest.ToString());
                break;
            }

            var fit = LongestPrefixWithin(rest, maxBytes);
            var lineBreak = rest[..fit].LastIndexOf('\n');
            var cut = lineBreak >= fit / 2 ? lineBreak : fit;
            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        return pieces;
    }

    private static int LongestPrefixWithin(ReadOnlySpan<char> text, int maxBytes)
    {
        var bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.Slice(i, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            i += width;
        }

        return i;
    }
}
