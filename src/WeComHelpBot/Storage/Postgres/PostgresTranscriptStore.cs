using Npgsql;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Transcript lines in the <c>transcript_lines</c> table, one row per line, written through
/// <see cref="PostgresRecordWriter"/> (in order, batched with other turns' writes). A conversation reads back by time,
/// then by row id, so lines of one turn, and of turns from several processes at the same millisecond, keep their order.
/// </summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database, PostgresRecordWriter writer) : ITranscriptLog
{
    public Task AppendAsync(IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Count == 0 ? Task.CompletedTask : writer.WriteAsync(lines, [], cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT channel, at, direction, text FROM transcript_lines WHERE conversation = @conversation ORDER BY at, id",
            connection);
        command.Parameters.AddWithValue("conversation", PostgresText.Clean(conversationId)!);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<TranscriptEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new TranscriptEntry(
                conversationId,
                reader.GetString(0),
                PostgresTime.FromColumn(reader.GetDateTime(1)),
                Enum.Parse<TranscriptDirection>(reader.GetString(2)),
                reader.GetString(3)));
        }

        return lines;
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM transcript_lines WHERE at < @cutoff", connection);
        command.Parameters.AddWithValue("cutoff", cutoff.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
