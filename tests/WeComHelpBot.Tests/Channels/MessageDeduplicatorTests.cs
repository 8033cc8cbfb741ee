using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Tests.Channels;

public sealed class MessageDeduplicatorTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));

    [Fact]
    public void TryRegister_AcceptsAKeyOnce_WithinTheWindow()
    {
        var dedupe = new MessageDeduplicator(100, TimeSpan.FromMinutes(10), time);

        Assert.True(dedupe.TryRegister("msg:1"));
        Assert.False(dedupe.TryRegister("msg:1"));
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(dedupe.TryRegister("msg:1"));
        Assert.True(dedupe.TryRegister("msg:2"));
    }

    [Fact]
    public void TryRegister_ForgetsKeysAfterTheWindow()
    {
        var dedupe = new MessageDeduplicator(100, TimeSpan.FromMinutes(10), time);
        dedupe.TryRegister("msg:1");

        time.Advance(TimeSpan.FromMinutes(11));

        Assert.True(dedupe.TryRegister("msg:1"));
        Assert.Equal(1, dedupe.Count);
    }

    [Fact]
    public void TryRegister_StaysWithinCapacity_ForgettingTheOldestFirst()
    {
        var dedupe = new MessageDeduplicator(3, TimeSpan.FromHours(1), time);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            Assert.True(dedupe.TryRegister(key));
        }

        Assert.Equal(3, dedupe.Count);
        Assert.False(dedupe.TryRegister("d"));
        Assert.True(dedupe.TryRegister("a"));
    }

    [Fact]
    public void TryRegister_CountsEachKeyOnce_UnderConcurrency()
    {
        var dedupe = new MessageDeduplicator(10_000, TimeSpan.FromHours(1), time);
        var accepted = 0;

        Parallel.For(0, 8_000, i =>
        {
            if (dedupe.TryRegister($"msg:{i % 1000}"))
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(1000, accepted);
    }
}
