using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// One web chat conversation: its secret token and the activities a client fetches by watermark (the number of
/// activities it has already seen). Thread-safe.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly List<Activity> activities = [];
    private readonly Lock gate = new();
    private readonly byte[] secret;
    private readonly int maxActivities;
    private int firstWatermark;
    private int nextSequence;
    private long lastUsedTicks;

    internal DirectLineConversation(string id, string userId, int maxActivities, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        this.maxActivities = maxActivities;
        secret = RandomNumberGenerator.GetBytes(24);
        Token = $"{id}.{Base64Url(secret)}";
        lastUsedTicks = now.UtcTicks;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>"{conversationId}.{secret}": whoever holds it may read and write this conversation, nobody else.</summary>
    public string Token { get; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);

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

    internal bool HasSecret(ReadOnlySpan<char> candidate)
    {
        Span<byte> expected = stackalloc byte[64];
        var length = Encoding.ASCII.GetBytes(Base64Url(secret), expected);
        var actual = Encoding.ASCII.GetBytes(candidate.ToString());
        return CryptographicOperations.FixedTimeEquals(expected[..length], actual);
    }

    /// <summary>A new activity id in this conversation, in the format the Direct Line service uses.</summary>
    internal string NewActivityId() =>
        $"{Id}|{Interlocked.Increment(ref nextSequence).ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>Stores an activity for the client, with an id (unless it has one) and a server timestamp.</summary>
    internal void Append(Activity activity, DateTimeOffset now)
    {
        lock (gate)
        {
            activity.Id ??= NewActivityId();
            activity.Timestamp = now;
            activities.Add(activity);
            if (activities.Count > maxActivities)
            {
                var drop = activities.Count - maxActivities;
                activities.RemoveRange(0, drop);
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

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
