using WeComHelpBot.Analytics;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Writes what one bot turn leaves behind, its transcript lines (masked) and its analytics events, together at the end
/// of the turn (<see cref="MaskingTranscriptMiddleware"/>), so that a turn costs one write, not one per line and event.
/// </summary>
public interface ITurnRecordStore
{
    /// <summary>
    /// Stores a turn's lines and events. A backend may complete before they are durable (written behind the turn), but
    /// a later read through the same process's stores sees them.
    /// </summary>
    Task AppendTurnAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default);
}
