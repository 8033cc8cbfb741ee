using Microsoft.Extensions.Options;
using WeComHelpBot.Support;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Conversation transcripts. Every text is masked here, at the only door into the <see cref="ITranscriptLog"/> (LiteDB
/// or PostgreSQL, whichever <c>Storage:Provider</c> names), so no caller can store a raw phone, ID or account number by
/// mistake; the retention setting is applied here too, the same for every backend.
/// </summary>
public sealed class TranscriptStore(ITranscriptLog log, PersonalDataMasker masker, TimeProvider time, IOptions<SupportOptions> options)
{
    private readonly SupportOptions options = options.Value;

    /// <summary>Stores one line; its text is masked first.</summary>
    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AppendAsync([entry], cancellationToken);
    }

    /// <summary>Stores a turn's lines in one write (one commit instead of one per line); each text is masked first.</summary>
    public Task AppendAsync(IReadOnlyCollection<TranscriptEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        return log.AppendAsync(Mask(entries), cancellationToken);
    }

    /// <summary>The lines with their texts masked, ready for any backend (the turn's write takes them from here).</summary>
    internal IReadOnlyList<TranscriptEntry> Mask(IReadOnlyCollection<TranscriptEntry> entries) =>
        entries.Select(e => e with { Text = masker.Mask(e.Text) ?? string.Empty }).ToList();

    /// <summary>The whole conversation, oldest first.</summary>
    public Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        log.GetConversationAsync(conversationId, cancellationToken);

    /// <summary>The last <paramref name="count"/> lines of the conversation, oldest first (for a ticket).</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> GetRecentAsync(string conversationId, int count, CancellationToken cancellationToken = default)
    {
        var all = await GetConversationAsync(conversationId, cancellationToken);
        return all.Skip(Math.Max(0, all.Count - count)).ToList();
    }

    /// <summary>Deletes every turn stored before <paramref name="cutoff"/>; returns how many lines that was.</summary>
    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        log.DeleteOlderThanAsync(cutoff, cancellationToken);

    /// <summary>Applies <see cref="SupportOptions.TranscriptRetentionDays"/>: deletes older lines, or nothing when it is not set.</summary>
    public Task<int> ApplyRetentionAsync(CancellationToken cancellationToken = default)
    {
        if (options.TranscriptRetentionDays is not > 0)
        {
            return Task.FromResult(0);
        }

        var cutoff = time.GetUtcNow().AddDays(-options.TranscriptRetentionDays.Value);
        return DeleteOlderThanAsync(cutoff, cancellationToken);
    }
}
