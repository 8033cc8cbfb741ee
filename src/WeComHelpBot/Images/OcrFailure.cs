namespace WeComHelpBot.Images;

/// <summary>Why an OCR run gave no text.</summary>
public enum OcrFailure
{
    /// <summary>The program could not decode the image (or crashed on it, e.g. out of memory).</summary>
    Unreadable,

    /// <summary>The run outlasted <see cref="ImageOptions.OcrTimeout"/> and was killed.</summary>
    TimedOut,

    /// <summary>tesseract or its language data is not installed.</summary>
    Unavailable,
}
