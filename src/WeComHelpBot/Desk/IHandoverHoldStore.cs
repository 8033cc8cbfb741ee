namespace WeComHelpBot.Desk;

/// <summary>The conversations agents hold, by conversation id (shared by every server process on the same database).</summary>
public interface IHandoverHoldStore
{
    Task<HandoverHold?> FindAsync(string conversationId, CancellationToken cancellationToken = default);

    Task SaveAsync(HandoverHold hold, CancellationToken cancellationToken = default);

    Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default);
}
