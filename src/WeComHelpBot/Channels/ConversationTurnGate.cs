using Microsoft.Bot.Builder;

namespace WeComHelpBot.Channels;

/// <summary>
/// Runs the turns of one conversation one at a time (turns of different conversations run in parallel), so two
/// quick messages cannot both read the same state and overwrite each other's changes. Holds no memory for
/// conversations that have no turn in flight. With an <see cref="IConversationLock"/> (several processes on one
/// PostgreSQL database) the turn also holds that lock, taken after the in-process gate so that a process's waiting turns
/// queue here and hold at most one database connection per conversation.
/// </summary>
public sealed class ConversationTurnGate(IConversationLock? sharedLock = null)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The number of conversations with a turn running or waiting.</summary>
    public int ActiveConversations
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Waits until no other turn of <paramref name="conversationKey"/> runs; dispose the lease when the turn ends.</summary>
    public async Task<IDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (gate)
        {
            if (!entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                entries.Add(conversationKey, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationKey, entry, release: false);
            throw;
        }

        IDisposable? shared = null;
        if (sharedLock is not null)
        {
            try
            {
                shared = await sharedLock.AcquireAsync(conversationKey, cancellationToken);
            }
            catch
            {
                Leave(conversationKey, entry, release: true);
                throw;
            }
        }

        return new Lease(this, conversationKey, entry, shared);
    }

    /// <summary>
    /// <see cref="EnterAsync"/> for a turn of <paramref name="bot"/>: when the shared lock cannot be taken because the
    /// database is unusable, the turn still runs through the adapter, as a bot that fails with that failure, so the
    /// adapter's OnTurnError tells the user in the channel's own way (and logs one line) instead of the request failing.
    /// The turn cannot touch conversation state then (the database is what failed), so skipping the lock is safe.
    /// </summary>
    public async Task<ConversationTurnLease> EnterTurnAsync(string conversationKey, IBot bot, CancellationToken cancellationToken = default)
    {
        try
        {
            return new ConversationTurnLease(await EnterAsync(conversationKey, cancellationToken), bot);
        }
        catch (Exception ex) when (TurnErrorReporter.FindStorageFailure(ex) is not null)
        {
            return new ConversationTurnLease(null, new StorageFailureBot(ex));
        }
    }

    private void Leave(string conversationKey, Entry entry, bool release)
    {
        if (release)
        {
            entry.Semaphore.Release();
        }

        lock (gate)
        {
            if (--entry.Users == 0)
            {
                entries.Remove(conversationKey);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(ConversationTurnGate owner, string conversationKey, Entry entry, IDisposable? shared) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                try
                {
                    shared?.Dispose();
                }
                finally
                {
                    owner.Leave(conversationKey, entry, release: true);
                }
            }
        }
    }
}
