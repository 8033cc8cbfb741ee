using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Writes transcript lines and analytics events to <c>transcript_lines</c> and <c>analytics_events</c> from one
/// background writer: whatever concurrent turns queued meanwhile goes in one round trip (one batch of two
/// <c>INSERT … SELECT FROM unnest(…)</c>, atomic as a whole), so a turn never waits on the database for its records
/// (<see cref="Post"/>) and a busy server makes few, larger writes. Rows get their ids in the order they were queued,
/// which orders lines and events of equal time. A reader in this process calls <see cref="FlushAsync"/> first and so
/// always sees what this process wrote before; another process sees it once the batch is committed (milliseconds).
/// A failed batch is tried again a few times, then each of its writes once more on its own; what still fails is dropped
/// with an error logged (no text in the log). Texts are cleaned first (<see cref="PostgresText.Clean"/>).
/// </summary>
public sealed class PostgresRecordWriter : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many queued writes share one batch (bounds the statement's arrays and the wait).</summary>
    public const int MaxBatch = 256;

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(10);

    private readonly PostgresDatabase database;
    private readonly ILogger<PostgresRecordWriter> logger;
    private readonly Channel<Request> requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private long pending;

    public PostgresRecordWriter(PostgresDatabase database, ILogger<PostgresRecordWriter> logger)
    {
        this.database = database;
        this.logger = logger;
        writer = Task.Run(RunAsync);
    }

    /// <summary>Queues the records and returns at once (a turn's write); a failure is logged, not reported to the caller.</summary>
    public void Post(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events) => Enqueue(new Request(lines, events, null));

    /// <summary>Queues the records; completes when they are committed, or fails with the database's error.</summary>
    public Task WriteAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Request(lines, events, done));
        return done.Task;
    }

    /// <summary>Completes when everything queued before the call has been written (or given up on); at once when nothing is.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        Interlocked.Read(ref pending) == 0 ? Task.CompletedTask : WriteAsync([], [], cancellationToken).WaitAsync(cancellationToken);

    private void Enqueue(Request request)
    {
        Interlocked.Increment(ref pending);
        if (!requests.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref pending);
            throw new ObjectDisposedException(nameof(PostgresRecordWriter), "数据库已关闭，无法再写入");
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>(MaxBatch);
        while (await requests.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            var error = await WriteWithRetriesAsync(batch.SelectMany(r => r.Lines).ToList(), batch.SelectMany(r => r.Events).ToList());
            if (error is not null && batch.Count > 1)
            {
                // As LiteDbWriteQueue does: each write once more on its own, so that one bad write does not take the
                // other turns' records with it.
                foreach (var request in batch)
                {
                    Complete(request, await TryWriteAsync(request.Lines, request.Events));
                }
            }
            else
            {
                foreach (var request in batch)
                {
                    Complete(request, error);
                }
            }

            Interlocked.Add(ref pending, -batch.Count);
            batch.Clear();
        }
    }

    private void Complete(Request request, Exception? error)
    {
        if (error is null)
        {
            request.Done?.TrySetResult();
            return;
        }

        logger.LogError(error, "Dropped {Lines} transcript line(s) and {Events} analytics event(s)", request.Lines.Count, request.Events.Count);
        request.Done?.TrySetException(error);
    }

    private async Task<Exception?> WriteWithRetriesAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events)
    {
        if (lines.Count + events.Count == 0)
        {
            return null;
        }

        for (var attempt = 0; ; attempt++)
        {
            var error = await TryWriteAsync(lines, events);
            if (error is null)
            {
                return null;
            }

            if (attempt == RetryDelays.Length)
            {
                logger.LogWarning(error, "Writing {Lines} transcript line(s) and {Events} analytics event(s) failed {Attempts} times", lines.Count, events.Count, attempt + 1);
                return error;
            }

            logger.LogWarning(error, "Writing {Lines} transcript line(s) and {Events} analytics event(s) failed; trying again", lines.Count, events.Count);
            await Task.Delay(RetryDelays[attempt]);
        }
    }

    private async Task<Exception?> TryWriteAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events)
    {
        if (lines.Count + events.Count == 0)
        {
            return null;
        }

        try
        {
            await WriteBatchAsync(lines, events);
            return null;
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the writer must live on: every later turn's records depend on it.
            return ex;
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<TranscriptEntry> lines, IReadOnlyList<AnalyticsEvent> events)
    {
        await using var connection = await database.OpenAsync();

        // One round trip; PostgreSQL runs a batch's statements in one implicit transaction, so a batch is all or nothing.
        await using var batch = new NpgsqlBatch(connection);
        if (lines.Count > 0)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO transcript_lines (conversation, channel, at, direction, text)
                SELECT c, ch, a, d, t FROM unnest(@conversation, @channel, @at, @direction, @text) WITH ORDINALITY AS l(c, ch, a, d, t, n)
                ORDER BY n
                """);
            Add(command, "conversation", NpgsqlDbType.Text, lines.Select(l => PostgresText.Clean(l.ConversationId)).ToArray());
            Add(command, "channel", NpgsqlDbType.Text, lines.Select(l => PostgresText.Clean(l.ChannelId)).ToArray());
            Add(command, "at", NpgsqlDbType.TimestampTz, lines.Select(l => PostgresTime.ToColumn(l.Timestamp)).ToArray());
            Add(command, "direction", NpgsqlDbType.Text, lines.Select(l => l.Direction.ToString()).ToArray());
            Add(command, "text", NpgsqlDbType.Text, lines.Select(l => PostgresText.Clean(l.Text)).ToArray());
            batch.BatchCommands.Add(command);
        }

        if (events.Count > 0)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO analytics_events (type, conversation, at, entry, text, flow, reason, ticket, channel, score, rating, resolved)
                SELECT ty, c, a, e, t, f, r, tk, ch, s, ra, re
                FROM unnest(@type, @conversation, @at, @entry, @text, @flow, @reason, @ticket, @channel, @score, @rating, @resolved)
                    WITH ORDINALITY AS x(ty, c, a, e, t, f, r, tk, ch, s, ra, re, n)
                ORDER BY n
                """);
            Add(command, "type", NpgsqlDbType.Text, events.Select(e => e.Type.ToString()).ToArray());
            Add(command, "conversation", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.ConversationId)).ToArray());
            Add(command, "at", NpgsqlDbType.TimestampTz, events.Select(e => PostgresTime.ToColumn(e.Timestamp)).ToArray());
            Add(command, "entry", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.EntryId)).ToArray());
            Add(command, "text", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.Text)).ToArray());
            Add(command, "flow", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.FlowId)).ToArray());
            Add(command, "reason", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.Reason)).ToArray());
            Add(command, "ticket", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.TicketNumber)).ToArray());
            Add(command, "channel", NpgsqlDbType.Text, events.Select(e => PostgresText.Clean(e.ChannelId)).ToArray());
            Add(command, "score", NpgsqlDbType.Double, events.Select(e => e.Score).ToArray());
            Add(command, "rating", NpgsqlDbType.Integer, events.Select(e => e.Rating).ToArray());
            Add(command, "resolved", NpgsqlDbType.Boolean, events.Select(e => e.Resolved).ToArray());
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }

    private static void Add<T>(NpgsqlBatchCommand command, string name, NpgsqlDbType elementType, T[] values) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType) { Value = values });

    public async ValueTask DisposeAsync()
    {
        requests.Writer.TryComplete();
        try
        {
            await writer.WaitAsync(ShutdownWait);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Stopped before {Count} queued transcript and analytics write(s) were done", Interlocked.Read(ref pending));
        }
    }

    /// <summary>For containers disposed synchronously (a test host, a tool's <c>using</c>): waits for the queue as <see cref="DisposeAsync"/> does.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record Request(IReadOnlyList<TranscriptEntry> Lines, IReadOnlyList<AnalyticsEvent> Events, TaskCompletionSource? Done);
}
