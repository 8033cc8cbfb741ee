using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// The web chat conversations this server hosts, in memory and bounded: idle ones expire, and past the limit the
/// least recently used one is forgotten. A token names its conversation, so it is checked without a lookup table.
/// </summary>
public sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions options = options.Value;
    private long nextSweepTicks;

    public int Count => conversations.Count;

    public DirectLineConversation Create(string? userId)
    {
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var id = RandomId();
        var conversation = new DirectLineConversation(
            id,
            string.IsNullOrWhiteSpace(userId) || userId.Length > 64 ? $"dl_{RandomId()[..12]}" : userId,
            options.MaxActivitiesPerConversation,
            now);
        conversations[id] = conversation;
        return conversation;
    }

    /// <summary>The conversation a bearer token belongs to, or null when the token is unknown, forged or expired.</summary>
    public DirectLineConversation? FindByToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var dot = token.IndexOf('.');
        if (dot <= 0 || !conversations.TryGetValue(token[..dot], out var conversation) || !conversation.HasSecret(token.AsSpan(dot + 1)))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (now - conversation.LastUsed > options.ConversationIdleTimeout)
        {
            conversations.TryRemove(conversation.Id, out _);
            return null;
        }

        conversation.Touch(now);
        return conversation;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (conversations.Count < options.MaxConversations && now.UtcTicks < due)
        {
            return;
        }

        Interlocked.Exchange(ref nextSweepTicks, (now + TimeSpan.FromMinutes(1)).UtcTicks);
        foreach (var (id, conversation) in conversations)
        {
            if (now - conversation.LastUsed > options.ConversationIdleTimeout)
            {
                conversations.TryRemove(id, out _);
            }
        }

        var excess = conversations.Count - options.MaxConversations + 1;
        if (excess > 0)
        {
            foreach (var stale in conversations.Values.OrderBy(c => c.LastUsed).Take(excess).ToList())
            {
                conversations.TryRemove(stale.Id, out _);
            }
        }
    }

    private static string RandomId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
