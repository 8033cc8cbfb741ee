using Npgsql;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Analytics events in the <c>analytics_events</c> table, one column per field, written through
/// <see cref="PostgresRecordWriter"/>; read back by time, then by row id (the order they were written in).
/// </summary>
public sealed class PostgresAnalyticsStore(PostgresDatabase database, PostgresRecordWriter writer) : IAnalyticsStore
{
    public Task AppendAsync(IReadOnlyCollection<AnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? Task.CompletedTask : writer.WriteAsync([], [.. events], cancellationToken);
    }

    public async Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT type, conversation, at, entry, text, flow, reason, ticket, channel, score, rating, resolved
            FROM analytics_events
            WHERE (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
            ORDER BY at, id
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = from is { } f ? f.UtcDateTime : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = to is { } t ? t.UtcDateTime : DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AnalyticsEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AnalyticsEvent(Enum.Parse<AnalyticsEventType>(reader.GetString(0)), reader.GetString(1), PostgresTime.FromColumn(reader.GetDateTime(2)))
            {
                EntryId = Text(reader, 3),
                Text = Text(reader, 4),
                FlowId = Text(reader, 5),
                Reason = Text(reader, 6),
                TicketNumber = Text(reader, 7),
                ChannelId = Text(reader, 8),
                Score = reader.IsDBNull(9) ? null : reader.GetDouble(9),
                Rating = reader.IsDBNull(10) ? null : reader.GetInt32(10),
                Resolved = reader.IsDBNull(11) ? null : reader.GetBoolean(11),
            });
        }

        return events;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
