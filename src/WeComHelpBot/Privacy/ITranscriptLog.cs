namespace WeComHelpBot.Privacy;

/// <summary>
/// Where transcript lines are kept (one implementation per storage backend, under Storage/LiteDb and Storage/Postgres),
/// modelled on Bot Builder's ITranscriptStore but holding only what the bot reads back. Lines arrive already masked:
/// callers go through <see cref="TranscriptStore"/>, the one door that masks them.
/// </summary>
public interface ITranscriptLog
{
    /// <summary>Stores lines, in order (a turn's lines, usually).</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken = default);

    /// <summary>The whole conversation, oldest first; lines of one turn keep the order they were appended in.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes what was stored before <paramref name="cutoff"/>; returns how many lines that was.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
