namespace WeComHelpBot.Images;

/// <summary>What an image file declares about itself, read without decoding a pixel.</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
