using WeComHelpBot.Channels;

namespace WeComHelpBot.Tests.Channels;

public sealed class ConversationTurnGateTests
{
    [Fact]
    public async Task EnterAsync_MakesASecondTurnOfTheSameConversationWait()
    {
        var gate = new ConversationTurnGate();
        var first = await gate.EnterAsync("c1");

        var second = gate.EnterAsync("c1");
        var other = gate.EnterAsync("c2");

        Assert.False(second.IsCompleted);
        Assert.True(other.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        (await other).Dispose();
    }

    [Fact]
    public async Task EnterAsync_ForgetsConversationsWithNoTurnInFlight()
    {
        var gate = new ConversationTurnGate();
        using (await gate.EnterAsync("c1"))
        {
            Assert.Equal(1, gate.ActiveConversations);
        }

        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task EnterAsync_LeavesNoEntryWhenTheWaitIsCancelled()
    {
        var gate = new ConversationTurnGate();
        var first = await gate.EnterAsync("c1");
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync("c1", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();

        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task EnterAsync_RunsTurnsOfOneConversationOneAtATime()
    {
        var gate = new ConversationTurnGate();
        var inside = 0;
        var maxInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using (await gate.EnterAsync("c1"))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        }));

        Assert.Equal(1, maxInside);
        Assert.Equal(0, gate.ActiveConversations);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
