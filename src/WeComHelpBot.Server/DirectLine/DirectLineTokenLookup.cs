namespace WeComHelpBot.Server.DirectLine;

/// <summary>The conversation a bearer token names, and whether the token still opens it.</summary>
public readonly record struct DirectLineTokenLookup(DirectLineTokenState State, DirectLineConversation? Conversation)
{
    public static readonly DirectLineTokenLookup Unknown = new(DirectLineTokenState.Unknown, null);

    /// <summary>The conversation, when the token is valid; null otherwise.</summary>
    public DirectLineConversation? Valid => State == DirectLineTokenState.Valid ? Conversation : null;
}
