using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// A turn's lines and events in one write through <see cref="LiteDbWriteQueue"/>, so concurrent turns share one commit
/// (with LiteDB every commit writes whole pages to the log, in Shared mode with an open, fsync and close). The documents
/// are built on the turn's thread; the task completes when they are committed.
/// </summary>
public sealed class LiteDbTurnRecordStore(LiteDbTranscriptStore transcripts, LiteDbAnalyticsStore analytics, LiteDbWriteQueue writes) : ITurnRecordStore
{
    public Task AppendTurnAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        var lineDocuments = LiteDbTranscriptStore.ToDocuments(lines);
        var eventDocuments = LiteDbAnalyticsStore.ToDocuments(events);
        if (lineDocuments.Count + eventDocuments.Count == 0)
        {
            return Task.CompletedTask;
        }

        return writes.WriteAsync(
            _ =>
            {
                transcripts.Insert(lineDocuments);
                analytics.Insert(eventDocuments);
            },
            cancellationToken);
    }
}
