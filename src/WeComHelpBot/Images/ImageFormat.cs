namespace WeComHelpBot.Images;

/// <summary>The image formats whose header is read before decoding (and which tesseract's leptonica decodes).</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    Bmp,
    WebP,
}
