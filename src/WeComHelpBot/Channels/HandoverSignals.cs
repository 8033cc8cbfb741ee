using System.Collections.Concurrent;

namespace WeComHelpBot.Channels;

/// <summary>
/// Tells a channel, right after a turn, that the turn handed the conversation over (a ticket was created), so the channel
/// can move the session its own way (微信客服: kf/service_state/trans). Only channels that ask for it are recorded, and
/// each signal is taken once, so nothing piles up.
/// </summary>
public sealed class HandoverSignals
{
    private readonly ConcurrentDictionary<string, string> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> channels = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A channel that takes its signals after every turn.</summary>
    public void Watch(string channelId) => channels.TryAdd(channelId, 0);

    public bool IsWatched(string? channelId) => channelId is not null && channels.ContainsKey(channelId);

    public void Record(string conversationId, string ticketNumber) => pending[conversationId] = ticketNumber;

    /// <summary>The ticket number when the last turn of <paramref name="conversationId"/> handed over; the signal is consumed.</summary>
    public string? Take(string conversationId) => pending.TryRemove(conversationId, out var ticket) ? ticket : null;
}
