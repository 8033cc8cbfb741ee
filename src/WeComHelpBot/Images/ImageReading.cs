namespace WeComHelpBot.Images;

/// <summary>The outcome of reading one image: its kind, the OCR text (cleaned) and, for a licence, what is on it.</summary>
public sealed record ImageReading(ImageKind Kind, string Text, LicenceReading? Licence = null, string? Problem = null)
{
    public static ImageReading Refused(string problem) => new(ImageKind.Refused, string.Empty, Problem: problem);
}
