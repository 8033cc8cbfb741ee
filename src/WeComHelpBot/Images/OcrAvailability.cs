namespace WeComHelpBot.Images;

/// <summary>Whether OCR can run here; <see cref="Problem"/> says what is missing (for the log, in English).</summary>
public sealed record OcrAvailability(bool IsAvailable, string? Problem)
{
    public static OcrAvailability Available { get; } = new(true, null);
}
