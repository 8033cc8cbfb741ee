namespace WeComHelpBot.Storage;

/// <summary>
/// A write carried an ETag that no longer matches the stored item: someone else wrote it first.
/// Derives from <see cref="ArgumentException"/> because Bot Builder's MemoryStorage throws that for the same case.
/// </summary>
public sealed class EtagConflictException : ArgumentException
{
    public EtagConflictException(string key, string? expectedETag, string? currentETag)
        : base($"Etag conflict. Key: {key}, Original: {expectedETag}, Current: {currentETag}")
    {
        Key = key;
    }

    public string Key { get; }
}
