namespace WeComHelpBot.Images;

/// <summary>
/// Reads an image whatever channel it came from (web chat upload, WeCom media, 微信客服, the AI bot): the caller has the
/// bytes and the content type it was given; the limits of <see cref="ImageOptions"/> are checked here. Nothing is kept.
/// </summary>
public interface IImageReader
{
    Task<ImageReading> ReadAsync(ReadOnlyMemory<byte> image, string? contentType, CancellationToken cancellationToken = default);
}
