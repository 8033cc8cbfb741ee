using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// One web chat conversation: its tokens and the activities a client fetches by watermark (the number of activities
/// it has already seen). Thread-safe.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly List<Activity> activities = [];
    private readonly List<int> sizes = [];
    private readonly Lock gate = new();
    private readonly int maxActivities;
    private readonly int maxStoredBytes;
    private IssuedToken current;
    private IssuedToken? previous;
    private int firstWatermark;
    private long storedBytes;
    private int nextSequence;
    private long lastUsedTicks;

    internal DirectLineConversation(string id, string userId, string clientKey, DirectLineOptions options, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        ClientKey = clientKey;
        maxActivities = options.MaxActivitiesPerConversation;
        maxStoredBytes = options.MaxStoredBytesPerConversation;
        current = IssuedToken.New(now + options.TokenLifetime);
        lastUsedTicks = now.UtcTicks;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>
    /// The newest token, "{conversationId}.{secret}": whoever holds a valid token of this conversation may read and
    /// write it, nobody else.
    /// </summary>
    public string Token
    {
        get
        {
            lock (gate)
            {
                return $"{Id}.{current.Secret}";
            }
        }
    }

    /// <summary>When <see cref="Token"/> stops working; only a refresh before then keeps the conversation.</summary>
    public DateTimeOffset TokenExpires
    {
        get
        {
            lock (gate)
            {
                return current.Expires;
            }
        }
    }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);

    /// <summary>The client address (or IPv6 /64) that created it, counted against its share of conversations.</summary>
    internal string ClientKey { get; }

    /// <summary>Set once the bot has been told the user joined (the conversationUpdate that brings the welcome).</summary>
    internal bool Started { get; private set; }

    internal bool TryMarkStarted()
    {
        lock (gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastUsedTicks, now.UtcTicks);

    internal DirectLineTokenState Check(ReadOnlySpan<char> secret, DateTimeOffset now)
    {
        lock (gate)
        {
            if (current.Matches(secret))
            {
                return now < current.Expires ? DirectLineTokenState.Valid : DirectLineTokenState.Expired;
            }

            if (previous is { } replaced && replaced.Matches(secret))
            {
                return now < replaced.Expires ? DirectLineTokenState.Valid : DirectLineTokenState.Expired;
            }

            return DirectLineTokenState.Unknown;
        }
    }

    /// <summary>
    /// Issues a new token when <paramref name="secret"/> is still valid; the one presented keeps working for
    /// <paramref name="grace"/> at most, every older one stops. Null when the presented token is not valid.
    /// </summary>
    internal string? TryRefresh(ReadOnlySpan<char> secret, DateTimeOffset now, TimeSpan lifetime, TimeSpan grace)
    {
        lock (gate)
        {
            if (current.Matches(secret) && now < current.Expires)
            {
                previous = current with { Expires = Min(current.Expires, now + grace) };
            }
            else if (previous is not { } replaced || !replaced.Matches(secret) || now >= replaced.Expires)
            {
                return null;
            }

            // Presenting the replaced token again means the client never got the newest one (a lost answer): the
            // replaced token keeps its grace and the unseen one goes.
            current = IssuedToken.New(now + lifetime);
            return $"{Id}.{current.Secret}";
        }
    }

    /// <summary>Nobody can use it any more: its newest token has expired, or nobody has for <paramref name="idleTimeout"/>.</summary>
    internal bool IsExpired(DateTimeOffset now, TimeSpan idleTimeout) => now >= TokenExpires || now - LastUsed > idleTimeout;

    /// <summary>A new activity id in this conversation, in the format the Direct Line service uses.</summary>
    internal string NewActivityId() =>
        $"{Id}|{Interlocked.Increment(ref nextSequence).ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Stores an activity for the client, with an id (unless it has one) and a server timestamp. <paramref name="bytes"/>
    /// is its approximate size: past the count or size limit the oldest go (the newest always stays).
    /// </summary>
    internal void Append(Activity activity, DateTimeOffset now, int bytes)
    {
        lock (gate)
        {
            activity.Id ??= NewActivityId();
            activity.Timestamp = now;
            activities.Add(activity);
            sizes.Add(bytes);
            storedBytes += bytes;
            var drop = 0;
            while (activities.Count - drop > 1 && (activities.Count - drop > maxActivities || storedBytes > maxStoredBytes))
            {
                storedBytes -= sizes[drop];
                drop++;
            }

            if (drop > 0)
            {
                activities.RemoveRange(0, drop);
                sizes.RemoveRange(0, drop);
                firstWatermark += drop;
            }
        }
    }

    /// <summary>The activities after <paramref name="watermark"/> and the watermark to ask with next.</summary>
    internal (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (gate)
        {
            var next = firstWatermark + activities.Count;
            var start = Math.Clamp(watermark - firstWatermark, 0, activities.Count);
            return (activities.GetRange(start, activities.Count - start), next);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private readonly record struct IssuedToken(string Secret, DateTimeOffset Expires)
    {
        public static IssuedToken New(DateTimeOffset expires) => new(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
            expires);

        public bool Matches(ReadOnlySpan<char> candidate) =>
            CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(Secret.AsSpan()), MemoryMarshal.AsBytes(candidate));
    }
}
