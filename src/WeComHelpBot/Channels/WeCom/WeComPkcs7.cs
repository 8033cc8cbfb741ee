namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// PKCS#7 padding to 32-byte blocks, as WeCom uses. .NET's PaddingMode.PKCS7 pads to the cipher's 16-byte
/// block, which WeCom's own implementations reject, so the cipher runs with PaddingMode.None and this pads.
/// </summary>
internal static class WeComPkcs7
{
    public const int BlockSize = 32;

    /// <summary>How many bytes of padding <paramref name="length"/> bytes need (1–32; a full block when aligned).</summary>
    public static int PaddingLength(int length) => BlockSize - (length % BlockSize);

    public static void WritePadding(Span<byte> destination)
    {
        destination.Fill((byte)destination.Length);
    }

    /// <summary>The length of <paramref name="padded"/> without its padding, or -1 when the padding is not well formed.</summary>
    public static int UnpaddedLength(ReadOnlySpan<byte> padded)
    {
        if (padded.Length == 0)
        {
            return -1;
        }

        int pad = padded[^1];
        if (pad is < 1 or > BlockSize || pad > padded.Length)
        {
            return -1;
        }

        foreach (var b in padded[^pad..])
        {
            if (b != pad)
            {
                return -1;
            }
        }

        return padded.Length - pad;
    }
}
