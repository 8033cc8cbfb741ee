using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// A turn's lines and events queued on <see cref="PostgresRecordWriter"/>: the turn ends without waiting for the round
/// trip, and concurrent turns share one batch. This process's reads wait for the queue (read-your-writes).
/// </summary>
public sealed class PostgresTurnRecordStore(PostgresRecordWriter writer) : ITurnRecordStore
{
    public Task AppendTurnAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        if (lines.Count + events.Count > 0)
        {
            writer.Post(lines, events);
        }

        return Task.CompletedTask;
    }
}
