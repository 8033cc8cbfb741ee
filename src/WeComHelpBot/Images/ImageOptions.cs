namespace WeComHelpBot.Images;

/// <summary>
/// Limits on images sent in chat and on the OCR that reads them, bound from "Images". Every limit is checked before
/// anything is decoded: a small file can declare a huge picture (a decompression bomb), so the pixel limits are read
/// from the header first and the OCR child process runs with its own memory and time ceilings.
/// </summary>
public sealed class ImageOptions
{
    public const string SectionName = "Images";

    /// <summary>Larger files are refused while they arrive. A phone photo of a licence is 1–4 MB as JPEG.</summary>
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Width × height the header may declare; 40 megapixels is beyond any phone camera.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Longest side in pixels (a 1 × 40,000,000 strip is as costly to decode and useless to read).</summary>
    public int MaxSide { get; set; } = 12_000;

    /// <summary>The tesseract program: a name looked up on PATH or a full path set by the administrator.</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Tesseract languages; chi_sim reads the digits and capital letters of a code as well.</summary>
    public string Languages { get; set; } = "chi_sim";

    /// <summary>One OCR run taking longer than this is killed.</summary>
    public TimeSpan OcrTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Address space of the OCR child process (RLIMIT_AS through prlimit).</summary>
    public long OcrMemoryBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>OCR runs at once; 0 means one per processor core.</summary>
    public int MaxConcurrentOcr { get; set; }

    /// <summary>Longest OCR text kept for matching; a screenshot's text past this is noise.</summary>
    public int MaxTextChars { get; set; } = 8_000;
}
