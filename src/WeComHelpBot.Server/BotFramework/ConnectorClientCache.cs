using System.Collections.Concurrent;
using Microsoft.Bot.Connector;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// Connector clients shared by all turns, one per (bot app id, serviceUrl, audience). CloudAdapterBase asks for a new
/// client on every request, and building one (credentials, an HttpClient, ServiceClient's user-agent reflection and
/// regex) cost more CPU than the rest of an expectReplies turn; a ConnectorClient takes concurrent calls, so one will do.
/// </summary>
/// <remarks>
/// serviceUrl comes from the request: the cache holds at most <c>capacity</c> clients and, when full of live ones,
/// hands out an unshared client that the turn disposes, as the SDK does without this cache. A shared client is
/// replaced after <c>lifetime</c> so the HttpClient it got from IHttpClientFactory does not pin one handler (and its
/// DNS answers) for the life of the process; the replaced one is not disposed, as a turn may still be using it.
/// </remarks>
internal sealed class ConnectorClientCache
{
    public const int DefaultCapacity = 16;

    /// <summary>IHttpClientFactory's default handler lifetime.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Key, Entry> entries = new();
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly int capacity;
    private readonly TimeSpan lifetime;

    public ConnectorClientCache(TimeProvider timeProvider, int capacity = DefaultCapacity, TimeSpan? lifetime = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.timeProvider = timeProvider;
        this.capacity = capacity;
        this.lifetime = lifetime ?? DefaultLifetime;
    }

    public int Count => entries.Count;

    /// <summary>
    /// The shared client for this key, made with <paramref name="create"/> when there is none or it is too old; a
    /// client from <paramref name="create"/> that could not be shared is returned as it is, for the caller to dispose.
    /// </summary>
    public async Task<IConnectorClient> GetOrCreateAsync(
        string? appId,
        string serviceUrl,
        string? audience,
        Func<CancellationToken, Task<IConnectorClient>> create,
        CancellationToken cancellationToken = default)
    {
        var key = new Key(appId, serviceUrl, audience);
        if (entries.TryGetValue(key, out var entry) && !IsExpired(entry, timeProvider.GetUtcNow()))
        {
            return entry.Client;
        }

        var client = await create(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            if (entries.TryGetValue(key, out entry))
            {
                if (!IsExpired(entry, now))
                {
                    // Another turn shared one meanwhile; this one stays with its own turn.
                    return client;
                }
            }
            else if (entries.Count >= capacity && !RemoveExpired(now))
            {
                return client;
            }

            var shared = new SharedConnectorClient(client);
            entries[key] = new Entry(shared, now);
            return shared;
        }
    }

    private bool IsExpired(Entry entry, DateTimeOffset now) => now - entry.CreatedAt >= lifetime;

    private bool RemoveExpired(DateTimeOffset now)
    {
        var removed = false;
        foreach (var (key, entry) in entries)
        {
            if (IsExpired(entry, now))
            {
                removed |= entries.TryRemove(key, out _);
            }
        }

        return removed;
    }

    private readonly record struct Key(string? AppId, string ServiceUrl, string? Audience);

    private sealed record Entry(SharedConnectorClient Client, DateTimeOffset CreatedAt);
}
