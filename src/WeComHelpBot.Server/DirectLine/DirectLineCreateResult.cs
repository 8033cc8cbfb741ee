namespace WeComHelpBot.Server.DirectLine;

/// <summary>Why a new conversation was or was not created: a full server refuses newcomers rather than evict anyone.</summary>
public enum DirectLineCreateResult
{
    Created,

    /// <summary>The client address already holds <see cref="DirectLineOptions.MaxConversationsPerClient"/> live conversations.</summary>
    ClientLimitReached,

    /// <summary>The server holds <see cref="DirectLineOptions.MaxConversations"/> live conversations.</summary>
    Full,
}
