namespace WeComHelpBot.Server.DirectLine;

/// <summary>Limits of the in-process Direct Line service behind the web chat, bound from the "DirectLine" section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>A conversation nobody has used for this long is forgotten (its bot state stays in storage).</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most conversations kept at once; past it the least recently used one is forgotten.</summary>
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>Most activities kept per conversation for polling; older ones have long been fetched (Web Chat keeps its own transcript).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 100;

    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
