using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Images;

/// <summary>
/// <see cref="IImageReader"/>: checks the byte limit, then the header (format and declared pixels, before any decoding),
/// runs OCR and classifies the text. The bytes live only for the call.
/// </summary>
public sealed class ImageReader(IOcrEngine ocr, IOptions<ImageOptions> options, ILogger<ImageReader> logger) : IImageReader
{
    private readonly ImageOptions limits = options.Value;

    public async Task<ImageReading> ReadAsync(ReadOnlyMemory<byte> image, string? contentType, CancellationToken cancellationToken = default)
    {
        if (image.Length > limits.MaxImageBytes)
        {
            return ImageReading.Refused(ImageTexts.TooManyBytes(limits.MaxImageBytes));
        }

        var header = ImageHeaderReader.TryRead(image.Span);
        if (header is null)
        {
            logger.LogInformation("Image refused: not a readable PNG, JPEG, GIF, BMP or WebP header");
            return ImageReading.Refused(ImageTexts.NotAnImage);
        }

        if (header.Pixels > limits.MaxPixels || header.Width > limits.MaxSide || header.Height > limits.MaxSide)
        {
            logger.LogInformation("Image refused: {Width}x{Height} pixels is over the limit", header.Width, header.Height);
            return ImageReading.Refused(ImageTexts.TooManyPixels(limits));
        }

        if (!(await ocr.CheckAvailabilityAsync(cancellationToken)).IsAvailable)
        {
            return new ImageReading(ImageKind.OcrUnavailable, string.Empty);
        }

        string raw;
        try
        {
            raw = await ocr.RecognizeAsync(image, header.Format, cancellationToken);
        }
        catch (OcrFailedException ex)
        {
            logger.LogInformation("OCR gave no text: {Failure}", ex.Failure);
            return ex.Failure switch
            {
                OcrFailure.Unavailable => new ImageReading(ImageKind.OcrUnavailable, string.Empty),
                OcrFailure.TimedOut => ImageReading.Refused(ImageTexts.TimedOut),
                _ => ImageReading.Refused(ImageTexts.Damaged),
            };
        }

        var reading = ImageTextClassifier.Classify(OcrText.Clean(raw, limits.MaxTextChars));
        logger.LogInformation("Image read: {Format} {Width}x{Height}, {Kind}, {Chars} characters", header.Format, header.Width, header.Height, reading.Kind, reading.Text.Length);
        return reading;
    }
}
