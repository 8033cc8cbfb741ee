using System.Collections.Concurrent;
using System.Threading.Channels;

namespace WeComHelpBot.Desk;

/// <summary>
/// Fans desk events out to the consoles open on this server process (server-sent events). Each subscriber has a small
/// bounded queue that drops its oldest events when it falls behind: a slow browser never holds up a turn. With several
/// server processes on PostgreSQL, a relay in the server passes events between them (<see cref="Published"/>, <see cref="Deliver"/>).
/// </summary>
public sealed class DeskEventHub
{
    private readonly ConcurrentDictionary<Guid, Channel<DeskEvent>> subscribers = new();

    public int SubscriberCount => subscribers.Count;

    /// <summary>Raised for each event published on this process (not for those from other processes), so a relay can pass it on.</summary>
    public event Action<DeskEvent>? Published;

    public void Publish(DeskEvent deskEvent)
    {
        Deliver(deskEvent);
        Published?.Invoke(deskEvent);
    }

    /// <summary>Hands an event to the consoles open on this process only (one published on another server process).</summary>
    public void Deliver(DeskEvent deskEvent)
    {
        foreach (var channel in subscribers.Values)
        {
            channel.Writer.TryWrite(deskEvent);
        }
    }

    /// <summary>A reader of the events from now on; disposing the subscription ends it.</summary>
    public DeskEventSubscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<DeskEvent>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        subscribers[id] = channel;
        return new DeskEventSubscription(channel.Reader, () =>
        {
            if (subscribers.TryRemove(id, out var removed))
            {
                removed.Writer.TryComplete();
            }
        });
    }
}
