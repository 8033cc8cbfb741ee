using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Group commit for one <see cref="LiteDatabase"/>: writes from concurrent turns queue here and one writer runs them
/// together in a single transaction, so a batch of turns costs one commit. LiteDB writes whole 8 KB pages to its log
/// on every commit and copies every page a transaction touches, so under load a commit per write (and per turn)
/// was most of a turn's storage cost (bench/README.md).
/// A write's task completes only after the commit that holds it, so nothing is reported written before it is in the
/// file. When one write of a batch throws (an ETag conflict, a full disk), the batch is rolled back and each of its
/// writes runs again in its own transaction, so each gets its own outcome and no write shares another's failure.
/// </summary>
public sealed class LiteDbWriteQueue : IDisposable
{
    /// <summary>At most this many writes share one transaction (bounds the transaction's memory and the wait).</summary>
    public const int MaxBatch = 128;

    private readonly LiteDatabase database;
    private readonly ILogger logger;
    private readonly Channel<WriteRequest> requests = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private readonly TimeSpan shutdownWait;
    private long batches;
    private long writes;

    /// <param name="shutdownWait">
    /// How long <see cref="Dispose"/> waits for queued writes; null waits until they are done. A host that must stop in
    /// time sets it (<see cref="StorageOptions.CloseTimeout"/>): a write stuck in a damaged or locked file must not hold
    /// its shutdown. Too short under load, it abandons a commit in progress, so it is not the default.
    /// </param>
    public LiteDbWriteQueue(LiteDatabase database, ILogger<LiteDbWriteQueue>? logger = null, TimeSpan? shutdownWait = null)
    {
        this.database = database;
        this.shutdownWait = shutdownWait ?? Timeout.InfiniteTimeSpan;
        this.logger = logger ?? NullLogger<LiteDbWriteQueue>.Instance;
        writer = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (for the benchmarks: writes per commit is <see cref="Writes"/> / this).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Writes run so far.</summary>
    public long Writes => Interlocked.Read(ref writes);

    /// <summary>
    /// Runs <paramref name="work"/> inside the next batch's transaction (on the writer, not the caller's thread); the
    /// task completes with its result once that transaction is committed, or fails with what <paramref name="work"/>
    /// threw. <paramref name="work"/> may run twice (see the type's remarks), so it must only read and write the database.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken = default) =>
        WriteAsync(work, committed: null, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync{T}(Func{LiteDatabase, T}, CancellationToken)"/>; <paramref name="committed"/> then runs
    /// on the writer, after the transaction holding the write is committed and before the task completes. Writes are
    /// committed, and their <paramref name="committed"/> actions run, in the order they were queued, so an in-memory
    /// copy kept up to date there always ends with the last committed value.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, Action<T>? committed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        var request = new WriteRequest<T>(work, committed, cancellationToken);
        if (!requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(LiteDbWriteQueue), "数据库已关闭，无法再写入");
        }

        return request.Task;
    }

    /// <inheritdoc cref="WriteAsync{T}(Func{LiteDatabase, T}, CancellationToken)"/>
    public Task WriteAsync(Action<LiteDatabase> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(db =>
        {
            work(db);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Takes no more writes, finishes the ones already queued, and returns when they are committed, or after
    /// the shutdown wait given to the constructor when the writer is stuck (the writes still queued then fail; nothing half-done is reported written).
    /// </summary>
    public void Dispose()
    {
        if (!requests.Writer.TryComplete())
        {
            return;
        }

        if (!writer.Wait(shutdownWait))
        {
            var dropped = 0;
            while (requests.Reader.TryRead(out var request))
            {
                request.Fail(new ObjectDisposedException(nameof(LiteDbWriteQueue), "数据库已关闭，无法再写入"));
                dropped++;
            }

            logger.LogError("LiteDB writer did not finish within {Wait}; {Dropped} queued writes were not written", shutdownWait, dropped);
            return;
        }

        logger.LogInformation("LiteDB group commit: {Writes} writes in {Batches} transactions", Writes, Batches);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>(MaxBatch);
        while (await requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && requests.Reader.TryRead(out var request))
            {
                if (request.IsCancelled)
                {
                    request.Cancel();
                }
                else
                {
                    batch.Add(request);
                }
            }

            // Synchronous from here on: a LiteDB transaction belongs to the thread that began it.
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<WriteRequest> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (batch.Count > 1)
        {
            try
            {
                database.InTransaction(() =>
                {
                    foreach (var request in batch)
                    {
                        request.Run(database);
                    }

                    return true;
                });
                Count(batch.Count);
                foreach (var request in batch)
                {
                    request.Complete();
                }

                return;
            }
            catch (Exception)
            {
                // Rolled back as a whole: nothing of the batch is in the file. Each write gets its own chance below.
            }
        }

        foreach (var request in batch)
        {
            try
            {
                database.InTransaction(() =>
                {
                    request.Run(database);
                    return true;
                });
                Count(1);
                request.Complete();
            }
            catch (Exception ex)
            {
                request.Fail(ex);
            }
        }
    }

    private void Count(int count)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref writes, count);
    }

    private abstract class WriteRequest
    {
        public abstract bool IsCancelled { get; }

        public abstract void Run(LiteDatabase database);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class WriteRequest<T>(Func<LiteDatabase, T> work, Action<T>? committed, CancellationToken cancellationToken) : WriteRequest
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Task => completion.Task;

        public override bool IsCancelled => cancellationToken.IsCancellationRequested;

        public override void Run(LiteDatabase database) => result = work(database);

        public override void Complete()
        {
            try
            {
                committed?.Invoke(result);
            }
            catch (Exception ex)
            {
                // The write is in the file; the caller learns that its follow-up failed.
                completion.TrySetException(ex);
                return;
            }

            completion.TrySetResult(result);
        }

        public override void Fail(Exception exception) => completion.TrySetException(exception);

        public override void Cancel() => completion.TrySetCanceled(cancellationToken);
    }
}
