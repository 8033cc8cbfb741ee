namespace WeComHelpBot.Server.DirectLine;

/// <summary>Limits of the in-process Direct Line service behind the web chat, bound from the "DirectLine" section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>How often botframework-directlinejs (Web Chat) refreshes its token; a shorter lifetime would end every chat.</summary>
    public static readonly TimeSpan WebChatRefreshInterval = TimeSpan.FromMinutes(15);

    /// <summary>Absolute lifetime of a token from the moment it is issued, as Azure Direct Line's 30 minutes; use does not extend it.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the token a refresh replaced still works: Web Chat swaps tokens while a poll or a post may be on its
    /// way with the old one, and answers any 403 by giving up the conversation.
    /// </summary>
    public TimeSpan RefreshGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A conversation nobody has used for this long is forgotten (its bot state stays in storage).</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most conversations kept at once; when full, new ones are refused (503) until old ones expire.</summary>
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>Most live conversations one client address (an IPv6 /64) may hold; past it, new ones get 429.</summary>
    public int MaxConversationsPerClient { get; set; } = 30;

    /// <summary>Sustained rate of token and conversation requests per client address (tokens/generate, POST conversations).</summary>
    public int CreatesPerMinutePerClient { get; set; } = 20;

    /// <summary>How many of those requests a client address may make at once before the per-minute rate applies.</summary>
    public int CreateBurstPerClient { get; set; } = 20;

    /// <summary>Sustained rate of activities posted to one conversation (its token refreshes count too).</summary>
    public int PostsPerMinutePerConversation { get; set; } = 60;

    /// <summary>How many activities may be posted to one conversation at once before the per-minute rate applies.</summary>
    public int PostBurstPerConversation { get; set; } = 20;

    /// <summary>Most activities kept per conversation for polling; older ones have long been fetched (Web Chat keeps its own transcript).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 100;

    /// <summary>
    /// Most bytes of activities kept per conversation, counted as the posted bodies' sizes and the replies' text: 100
    /// posts of <see cref="MaxBodyBytes"/> each would otherwise keep megabytes in every conversation.
    /// </summary>
    public int MaxStoredBytesPerConversation { get; set; } = 256 * 1024;

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest upload (POST …/upload: the activity and its files together). A little over the image limit (5 MB), so an
    /// image just under it still arrives and the bot, not the transport, says what is too large.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 6 * 1024 * 1024;
}
