using System.Buffers.Binary;

namespace WeComHelpBot.Images;

/// <summary>
/// Reads the format and the declared pixel size from the first bytes of PNG, JPEG, GIF, BMP and WebP files, so the
/// limits are checked before any decoder allocates a frame for a picture that only claims to be small.
/// </summary>
public static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The header, or null when the bytes are not one of the formats or the header is cut short or broken.</summary>
    public static ImageHeader? TryRead(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data.StartsWith(PngSignature) && data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return Valid(ImageFormat.Png, BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        }

        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return ReadJpeg(data);
        }

        if (data.Length >= 10 && (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)))
        {
            return Valid(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        }

        if (data.Length >= 26 && data.StartsWith("BM"u8))
        {
            // BITMAPINFOHEADER and later: a negative height means top-down rows.
            var height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
            return Valid(ImageFormat.Bmp, BinaryPrimitives.ReadInt32LittleEndian(data[18..]), height == int.MinValue ? 0 : Math.Abs(height));
        }

        if (data.Length >= 30 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ReadWebP(data);
        }

        return null;
    }

    private static ImageHeader? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return null;
            }

            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or scan data before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            if (length < 2)
            {
                return null;
            }

            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                return i + 9 <= data.Length
                    ? Valid(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]))
                    : null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageHeader? ReadWebP(ReadOnlySpan<byte> data)
    {
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return Valid(ImageFormat.WebP, 1 + ReadUInt24(data[24..]), 1 + ReadUInt24(data[27..]));
        }

        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return Valid(ImageFormat.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A)
        {
            return Valid(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }

        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);

    private static ImageHeader? Valid(ImageFormat format, int width, int height) =>
        width > 0 && height > 0 ? new ImageHeader(format, width, height) : null;
}
