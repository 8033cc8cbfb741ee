namespace WeComHelpBot.Images;

/// <summary>What an image turned out to be.</summary>
public enum ImageKind
{
    /// <summary>Not read: too large, not an image, damaged (<see cref="ImageReading.Problem"/> says which, for the user).</summary>
    Refused,

    /// <summary>OCR is not installed on this server.</summary>
    OcrUnavailable,

    /// <summary>Read, but no text was found.</summary>
    NoText,

    /// <summary>A business licence (营业执照): <see cref="ImageReading.Licence"/> holds what was found on it.</summary>
    Licence,

    /// <summary>A list of members (names and phones): not read, the import file is asked for.</summary>
    MemberList,

    /// <summary>Other text, such as a screenshot of an error page.</summary>
    Text,
}
