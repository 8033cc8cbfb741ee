namespace WeComHelpBot.Channels;

/// <summary>
/// Remembers recently seen delivery keys so a retried delivery is handled once. Bounded: keys expire after
/// <c>window</c>, and past <c>capacity</c> the oldest are forgotten first. Thread-safe.
/// </summary>
public sealed class MessageDeduplicator
{
    private readonly Dictionary<string, long> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long ExpiresAt)> order = new();
    private readonly Lock gate = new();
    private readonly int capacity;
    private readonly long windowTicks;
    private readonly TimeProvider timeProvider;

    public MessageDeduplicator(int capacity, TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.capacity = capacity;
        windowTicks = window.Ticks;
        this.timeProvider = timeProvider;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }

    /// <summary>True the first time <paramref name="key"/> is seen within the window; false for a repeat.</summary>
    public bool TryRegister(string key)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        lock (gate)
        {
            while (order.Count > 0 && (order.Peek().ExpiresAt <= now || order.Count >= capacity))
            {
                var (oldKey, expiresAt) = order.Dequeue();
                if (seen.TryGetValue(oldKey, out var current) && current == expiresAt)
                {
                    seen.Remove(oldKey);
                }
            }

            if (seen.TryGetValue(key, out var existing) && existing > now)
            {
                return false;
            }

            var expires = now + windowTicks;
            seen[key] = expires;
            order.Enqueue((key, expires));
            return true;
        }
    }
}
