using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Records each turn's messages (the user's and the bot's) through <see cref="TranscriptStore"/>'s masking, in ONE write
/// at the end of the turn. Bot Builder's TranscriptLoggerMiddleware clones every activity through JSON and logs each
/// one as its own write; with LiteDB every write is a commit (and in Shared mode an open, fsync and close), which made
/// transcripts the largest cost of a turn (bench/README.md). The analytics events the turn records are kept until then
/// too (<see cref="SupportAnalytics.BeginTurn"/>) and go in the same write (<see cref="ITurnRecordStore"/>: with LiteDB
/// through its write queue, so concurrent turns share one commit; with PostgreSQL batched behind the turn). The lines
/// are masked here, on the turn's thread. The turn's lines and events are written even when the turn fails.
/// </summary>
public sealed class MaskingTranscriptMiddleware(TranscriptStore store, SupportAnalytics analytics, ITurnRecordStore records, TimeProvider time) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var turnEvents = analytics.BeginTurn();
        var lines = new List<TranscriptEntry>(4);
        // The direction is where the activity passes, not what its roles claim: a channel (or a forged body) may send
        // no roles at all, and then the replies, which copy the incoming accounts, would read as the user's lines.
        if (ToEntry(turnContext.Activity, TranscriptDirection.Incoming, time.GetUtcNow()) is { } incoming)
        {
            lines.Add(incoming);
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var responses = await nextSend();
            lock (lines)
            {
                foreach (var activity in activities)
                {
                    if (ToEntry(activity, TranscriptDirection.Outgoing, time.GetUtcNow(), TranscriptSummary.Get(context, activity)) is { } outgoing)
                    {
                        lines.Add(outgoing);
                    }
                }
            }

            return responses;
        });

        try
        {
            await next(cancellationToken);
        }
        finally
        {
            TranscriptEntry[] snapshot;
            lock (lines)
            {
                snapshot = [.. lines];
            }

            var events = analytics.EndTurn(turnEvents);
            var transcript = store.Mask(snapshot);
            if (events.Count + transcript.Count > 0)
            {
                // Not the turn's token: a turn cancelled at the end still has its lines and events written.
                await records.AppendTurnAsync(transcript, events, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// The transcript line for a message (its text, or the <see cref="TranscriptSummary"/> set for it, and the titles of
    /// offered choices), or null for anything else.
    /// </summary>
    internal static TranscriptEntry? ToEntry(IActivity activity, TranscriptDirection direction, DateTimeOffset timestamp, string? summary = null)
    {
        if (activity.Type != ActivityTypes.Message || activity is not IMessageActivity message)
        {
            return null;
        }

        var text = summary ?? message.Text ?? string.Empty;
        var choices = message.SuggestedActions?.Actions?.Select(a => a.Title ?? a.Value?.ToString()).Where(t => !string.IsNullOrEmpty(t)).ToList();
        if (choices is { Count: > 0 })
        {
            text = string.IsNullOrEmpty(text) ? $"[选项] {string.Join(" | ", choices)}" : $"{text}\n[选项] {string.Join(" | ", choices)}";
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return new TranscriptEntry(
            activity.Conversation?.Id ?? string.Empty,
            activity.ChannelId ?? string.Empty,
            timestamp,
            direction,
            text);
    }
}
