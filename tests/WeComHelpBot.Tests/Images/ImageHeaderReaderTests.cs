using System.Buffers.Binary;
using WeComHelpBot.Images;

namespace WeComHelpBot.Tests.Images;

public sealed class ImageHeaderReaderTests
{
    /// <summary>A PNG signature and IHDR chunk declaring any size, with no pixel data: how a decompression bomb starts.</summary>
    internal static byte[] PngHeader(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        return bytes;
    }

    [Fact]
    public void Png_DeclaredSizeIsRead()
    {
        Assert.Equal(new ImageHeader(ImageFormat.Png, 100_000, 100_000), ImageHeaderReader.TryRead(PngHeader(100_000, 100_000)));
    }

    [Fact]
    public void Jpeg_SizeComesFromTheFrameHeaderAfterOtherSegments()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x80, 0x03, 0xE8, 0x03];

        Assert.Equal(new ImageHeader(ImageFormat.Jpeg, 1000, 640), ImageHeaderReader.TryRead(jpeg));
    }

    [Fact]
    public void Gif_SizeIsRead()
    {
        byte[] gif = [.. "GIF89a"u8, 0x20, 0x03, 0x58, 0x02];

        Assert.Equal(new ImageHeader(ImageFormat.Gif, 800, 600), ImageHeaderReader.TryRead(gif));
    }

    [Theory]
    [InlineData("not an image at all")]
    [InlineData("")]
    [InlineData("/etc/passwd\n")]
    public void NotAnImage_IsNull(string text)
    {
        Assert.Null(ImageHeaderReader.TryRead(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void ZeroSizedOrCutShortHeaders_AreNull()
    {
        Assert.Null(ImageHeaderReader.TryRead(PngHeader(0, 10)));
        Assert.Null(ImageHeaderReader.TryRead(PngHeader(10, 10).AsSpan(0, 20)));
        Assert.Null(ImageHeaderReader.TryRead([0xFF, 0xD8, 0xFF, 0xD9]));
    }
}
