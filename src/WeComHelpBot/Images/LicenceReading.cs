namespace WeComHelpBot.Images;

/// <summary>
/// What was read from a business licence. <see cref="Code"/> is the 统一社会信用代码 that passes GB 32100 (as read, or
/// after fixing the characters in <see cref="CorrectedPositions"/>); null when no valid reading was found, and then
/// <see cref="CodeAsRead"/> is what OCR saw, if anything.
/// </summary>
public sealed record LicenceReading(string? CodeAsRead, string? Code, IReadOnlyList<int> CorrectedPositions, string? CompanyName)
{
    public bool CodeFound => Code is not null;
}
