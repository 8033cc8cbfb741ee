using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>Group commit: queued writes share a transaction, each keeps its own outcome, nothing completes before its commit.</summary>
public sealed class LiteDbWriteQueueTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);
    private readonly LiteDatabase database;

    public LiteDbWriteQueueTests()
    {
        database = provider.GetDatabase(folder.File("queue.db"));
    }

    public void Dispose()
    {
        provider.Dispose();
        folder.Dispose();
    }

    private ILiteCollection<BsonDocument> Items => database.GetCollection("items");

    [Fact]
    public async Task WritesQueuedWhileTheWriterIsBusy_AreCommittedTogether()
    {
        using var queue = new LiteDbWriteQueue(database);
        using var release = new ManualResetEventSlim();
        var first = await WriterBusyAsync(queue, release, db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = 0 }));

        var rest = Enumerable.Range(1, 50).Select(n => queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = n }))).ToList();
        release.Set();
        await Task.WhenAll(rest.Append(first));

        Assert.Equal(51, Items.Count());
        Assert.Equal(51, queue.Writes);
        Assert.Equal(2, queue.Batches);
    }

    [Fact]
    public async Task AWriteThatThrows_FailsAlone_AndLeavesNothingBehind()
    {
        using var queue = new LiteDbWriteQueue(database);
        using var release = new ManualResetEventSlim();
        var blocker = await WriterBusyAsync(queue, release);

        var before = queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["name"] = "before" }));
        var failing = queue.WriteAsync(db =>
        {
            db.GetCollection("items").Insert(new BsonDocument { ["name"] = "half-done" });
            throw new InvalidDataException("校验失败");
        });
        var after = queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["name"] = "after" }));
        release.Set();

        await Task.WhenAll(blocker, before, after);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => failing);
        Assert.Equal("校验失败", error.Message);
        Assert.Equal(["after", "before"], Items.FindAll().Select(d => d["name"].AsString).Order().ToArray());
    }

    [Fact]
    public async Task AWriteCancelledBeforeItRuns_IsNotWritten()
    {
        using var queue = new LiteDbWriteQueue(database);
        using var release = new ManualResetEventSlim();
        var blocker = await WriterBusyAsync(queue, release);
        using var cancel = new CancellationTokenSource();

        var cancelled = queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = 1 }), cancel.Token);
        await cancel.CancelAsync();
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await blocker;
        Assert.Equal(0, Items.Count());
    }

    [Fact]
    public async Task Dispose_FinishesQueuedWrites_ThenRefusesNewOnes()
    {
        var queue = new LiteDbWriteQueue(database);
        var writes = Enumerable.Range(0, 20).Select(n => queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = n }))).ToList();

        queue.Dispose();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(20, Items.Count());
        Assert.Throws<ObjectDisposedException>(() => { _ = queue.WriteAsync(_ => { }); });
        await Task.WhenAll(writes);
    }

    [Fact]
    public async Task Dispose_DoesNotWaitForeverForAStuckWriter_AndFailsWhatIsStillQueued()
    {
        // A write stuck in a damaged or locked file must not hold the server's shutdown (SIGTERM within 10 s).
        var wait = TimeSpan.FromSeconds(1);
        var queue = new LiteDbWriteQueue(database, shutdownWait: wait);
        using var release = new ManualResetEventSlim();
        var stuck = await WriterBusyAsync(queue, release);
        var queued = queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = 1 }));

        var disposing = Task.Run(queue.Dispose);
        var finished = await Task.WhenAny(disposing, Task.Delay(wait * 8)) == disposing;
        release.Set();

        Assert.True(finished, "Dispose waited for the stuck writer");
        await disposing;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await stuck;
    }

    [Fact]
    public async Task Results_ReachTheirOwnCaller()
    {
        using var queue = new LiteDbWriteQueue(database);

        var ids = await Task.WhenAll(Enumerable.Range(0, 30).Select(n =>
            Task.Run(() => queue.WriteAsync(db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = n }).AsObjectId))));

        Assert.Equal(30, ids.Distinct().Count());
        for (var n = 0; n < 30; n++)
        {
            Assert.Equal(n, Items.FindById(ids[n])["n"].AsInt32);
        }
    }

    [Fact]
    public async Task CommittedActions_RunAfterTheCommit_InQueueOrder_AndNotForAFailedWrite()
    {
        using var queue = new LiteDbWriteQueue(database);
        using var release = new ManualResetEventSlim();
        var blocker = await WriterBusyAsync(queue, release);
        var seen = new List<(int N, long InFile)>();

        var writes = Enumerable.Range(1, 20).Select(n => queue.WriteAsync(
            db =>
            {
                if (n == 7)
                {
                    throw new InvalidDataException("第 7 个写入失败");
                }

                db.GetCollection("items").Insert(new BsonDocument { ["n"] = n });
                return n;
            },
            committed: written => seen.Add((written, Items.LongCount())))).ToList();
        release.Set();
        await blocker;
        await Assert.ThrowsAsync<InvalidDataException>(() => Task.WhenAll(writes));

        Assert.Equal(Enumerable.Range(1, 20).Where(n => n != 7), seen.Select(s => s.N));
        Assert.All(seen, s => Assert.True(s.InFile >= 1, "a committed action ran before its write was in the file"));
        Assert.Equal(19, seen[^1].InFile);
    }

    [Fact]
    public async Task ACommittedActionThatThrows_FailsItsCaller_ButTheWriteStays()
    {
        using var queue = new LiteDbWriteQueue(database);

        var write = queue.WriteAsync(
            db => db.GetCollection("items").Insert(new BsonDocument { ["n"] = 1 }),
            committed: _ => throw new InvalidOperationException("缓存更新失败"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => write);
        Assert.Equal("缓存更新失败", error.Message);
        Assert.Equal(1, Items.Count());
    }

    /// <summary>Queues a write that holds the writer until <paramref name="release"/> is set; returns once the writer is inside it.</summary>
    private static async Task<Task> WriterBusyAsync(LiteDbWriteQueue queue, ManualResetEventSlim release, Action<LiteDatabase>? then = null)
    {
        using var started = new SemaphoreSlim(0);
        var write = queue.WriteAsync(db =>
        {
            started.Release();
            release.Wait(TimeSpan.FromSeconds(30));
            then?.Invoke(db);
        });
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30)), "the writer never started the first write");
        return write;
    }
}
