namespace WeComHelpBot.Images;

/// <summary>Turns an image (already checked against <see cref="ImageOptions"/>) into text. Thread-safe; one per process.</summary>
public interface IOcrEngine
{
    /// <summary>Whether the engine can run; checked once and remembered.</summary>
    Task<OcrAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default);

    /// <summary>The text read, lines separated by '\n'. Throws <see cref="OcrFailedException"/>.</summary>
    Task<string> RecognizeAsync(ReadOnlyMemory<byte> image, ImageFormat format, CancellationToken cancellationToken = default);
}
