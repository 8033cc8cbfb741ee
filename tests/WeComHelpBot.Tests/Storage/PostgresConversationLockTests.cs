using Microsoft.Extensions.Logging.Abstractions;
using WeComHelpBot.Channels;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The per-conversation lock between processes: two data sources stand for two server processes.</summary>
public sealed class PostgresConversationLockTests : IAsyncLifetime
{
    private PostgresTestDatabase? test;
    private PostgresDatabase? other;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (other is not null)
        {
            await other.DisposeAsync();
        }

        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }

    private (PostgresConversationLock First, PostgresConversationLock Second) TwoProcesses()
    {
        test = PostgresTestDatabase.Create();
        other = new PostgresDatabase(test.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        return (new PostgresConversationLock(test.Database, NullLogger<PostgresConversationLock>.Instance),
            new PostgresConversationLock(other, NullLogger<PostgresConversationLock>.Instance));
    }

    [SkippableFact]
    public async Task SecondProcess_WaitsForTheFirst_UntilItReleases()
    {
        var (first, second) = TwoProcesses();
        var held = await first.AcquireAsync("emulator|c1");

        var waiting = second.AcquireAsync("emulator|c1");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [SkippableFact]
    public async Task OtherConversations_DoNotWait()
    {
        var (first, second) = TwoProcesses();
        using var held = await first.AcquireAsync("emulator|c1");

        using var other = await second.AcquireAsync("emulator|c2").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [SkippableFact]
    public async Task Waiting_CanBeCancelled_AndTheLockStaysUsable()
    {
        var (first, second) = TwoProcesses();
        var held = await first.AcquireAsync("k");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.AcquireAsync("k", cancel.Token));

        held.Dispose();
        using var again = await second.AcquireAsync("k").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [SkippableFact]
    public async Task TurnGates_InTwoProcesses_NeverRunOneConversationAtOnce()
    {
        var (first, second) = TwoProcesses();
        var gates = new[] { new ConversationTurnGate(first), new ConversationTurnGate(second) };
        var inside = 0;
        var overlaps = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var lease = await gates[i % 2].EnterAsync("conversation");
            if (Interlocked.Increment(ref inside) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(0, overlaps);
    }

    [Fact]
    public void LockKey_IsStable_AndDiffersByConversation()
    {
        Assert.Equal(PostgresConversationLock.LockKey("a"), PostgresConversationLock.LockKey("a"));
        Assert.NotEqual(PostgresConversationLock.LockKey("a"), PostgresConversationLock.LockKey("b"));
    }
}
