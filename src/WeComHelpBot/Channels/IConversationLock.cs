namespace WeComHelpBot.Channels;

/// <summary>
/// A lock on one conversation shared by every process that serves it (PostgreSQL's advisory locks with several server
/// processes), taken by <see cref="ConversationTurnGate"/> after its in-process gate, so two processes never run turns of
/// the same conversation at once. Not registered with LiteDB: there the process owns the file and its gate suffices.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits until no other process holds <paramref name="conversationKey"/>; dispose the result to release it.</summary>
    Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken = default);
}
