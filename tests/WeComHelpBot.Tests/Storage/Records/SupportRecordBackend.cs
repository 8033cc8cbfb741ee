namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>A storage backend for the transcript and analytics contract tests: processes over one shared data set.</summary>
public abstract class SupportRecordBackend : IAsyncDisposable
{
    /// <summary>New store instances over the same data, as a further server process would have them.</summary>
    public abstract SupportRecordProcess StartProcess();

    /// <summary>The transcript texts exactly as they are at rest, read around the stores.</summary>
    public abstract Task<IReadOnlyList<string>> ReadStoredTranscriptTextsAsync();

    /// <summary>The analytics event texts exactly as they are at rest, read around the stores.</summary>
    public abstract Task<IReadOnlyList<string>> ReadStoredEventTextsAsync();

    public abstract ValueTask DisposeAsync();
}
