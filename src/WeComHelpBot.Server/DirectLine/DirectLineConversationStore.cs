using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// The web chat conversations this server hosts, in memory and bounded. A live conversation is never evicted to make
/// room: when the server or a client address holds as many as it may, new ones are refused until old ones expire
/// (their newest token has expired, or nobody has used them for the idle timeout). A flood from one address can
/// therefore only use up its own share. A token names its conversation, so it is checked without a lookup table.
/// </summary>
public sealed class DirectLineConversationStore(
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider,
    ILogger<DirectLineConversationStore> logger)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // When full, every refused request would otherwise walk the whole table looking for expired conversations.
    private static readonly TimeSpan FullSweepInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions options = options.Value;

    // Guards creating and forgetting conversations and the per-client counts; reading a token takes no lock.
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> heldByClient = new(StringComparer.Ordinal);
    private DateTimeOffset lastSweep;
    private bool full;

    public int Count => conversations.Count;

    /// <summary>A new conversation for <paramref name="clientKey"/> (see <see cref="ClientAddress"/>), unless its share or the server is full.</summary>
    public DirectLineCreateResult TryCreate(string clientKey, string? userId, out DirectLineConversation? conversation)
    {
        var now = timeProvider.GetUtcNow();
        conversation = null;
        lock (gate)
        {
            SweepIfDue(now);
            heldByClient.TryGetValue(clientKey, out var held);
            if (held >= options.MaxConversationsPerClient)
            {
                return DirectLineCreateResult.ClientLimitReached;
            }

            if (conversations.Count >= options.MaxConversations)
            {
                if (!full)
                {
                    full = true;
                    logger.LogWarning("Direct Line holds {Count} conversations, its limit: new web chats are refused until some expire", conversations.Count);
                }

                return DirectLineCreateResult.Full;
            }

            full = false;
            var id = RandomId();
            conversation = new DirectLineConversation(
                id,
                string.IsNullOrWhiteSpace(userId) || userId.Length > 64 ? $"dl_{RandomId()[..12]}" : userId,
                clientKey,
                options,
                now);
            conversations[id] = conversation;
            heldByClient[clientKey] = held + 1;
            return DirectLineCreateResult.Created;
        }
    }

    /// <summary>The live conversation with this id (for messages sent into it outside a turn), or null when it is gone.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        var now = timeProvider.GetUtcNow();
        return conversations.TryGetValue(conversationId, out var conversation) && !conversation.IsExpired(now, options.ConversationIdleTimeout)
            ? conversation
            : null;
    }

    /// <summary>The conversation a bearer token belongs to, and whether the token is valid, expired or unknown.</summary>
    public DirectLineTokenLookup FindByToken(string? token)
    {
        if (!TryParse(token, out var conversation, out var secret))
        {
            return DirectLineTokenLookup.Unknown;
        }

        var now = timeProvider.GetUtcNow();
        var state = conversation.Check(secret, now);
        if (state == DirectLineTokenState.Valid && now - conversation.LastUsed > options.ConversationIdleTimeout)
        {
            // Not yet swept, but as good as forgotten: the answer must not depend on when the last sweep ran.
            state = DirectLineTokenState.Expired;
        }

        if (state == DirectLineTokenState.Valid)
        {
            conversation.Touch(now);
        }

        return state == DirectLineTokenState.Unknown ? DirectLineTokenLookup.Unknown : new DirectLineTokenLookup(state, conversation);
    }

    /// <summary>
    /// Replaces a valid token with a new one (its <see cref="DirectLineConversation.Token"/>) that lives a full
    /// <see cref="DirectLineOptions.TokenLifetime"/>; the old one works for the grace period only.
    /// </summary>
    public DirectLineTokenLookup Refresh(string? token)
    {
        if (!TryParse(token, out var conversation, out var secret))
        {
            return DirectLineTokenLookup.Unknown;
        }

        var now = timeProvider.GetUtcNow();
        if (now - conversation.LastUsed > options.ConversationIdleTimeout
            || conversation.TryRefresh(secret, now, options.TokenLifetime, options.RefreshGracePeriod) is null)
        {
            var state = conversation.Check(secret, now);
            return state == DirectLineTokenState.Unknown ? DirectLineTokenLookup.Unknown : new DirectLineTokenLookup(DirectLineTokenState.Expired, conversation);
        }

        conversation.Touch(now);
        return new DirectLineTokenLookup(DirectLineTokenState.Valid, conversation);
    }

    private bool TryParse(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DirectLineConversation? conversation, out ReadOnlySpan<char> secret)
    {
        conversation = null;
        secret = default;
        var dot = token?.IndexOf('.') ?? -1;
        if (dot <= 0 || !conversations.TryGetValue(token![..dot], out conversation))
        {
            return false;
        }

        secret = token.AsSpan(dot + 1);
        return true;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var interval = conversations.Count >= options.MaxConversations ? FullSweepInterval : SweepInterval;
        if (now - lastSweep < interval)
        {
            return;
        }

        lastSweep = now;
        foreach (var (id, conversation) in conversations)
        {
            if (conversation.IsExpired(now, options.ConversationIdleTimeout) && conversations.TryRemove(id, out _))
            {
                var held = heldByClient[conversation.ClientKey] - 1;
                if (held == 0)
                {
                    heldByClient.Remove(conversation.ClientKey);
                }
                else
                {
                    heldByClient[conversation.ClientKey] = held;
                }
            }
        }
    }

    private static string RandomId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
