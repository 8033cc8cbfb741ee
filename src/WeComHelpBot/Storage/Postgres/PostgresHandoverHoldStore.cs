using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Hand-over holds in the <c>desk_holds</c> table. Unlike the LiteDB store this one keeps no ids in memory: an agent on
/// another server may take or release a conversation at any time, so every turn asks the table (a primary-key read).
/// </summary>
public sealed class PostgresHandoverHoldStore(PostgresDatabase database) : IHandoverHoldStore
{
    public const string TableName = "desk_holds";

    private readonly PostgresJsonTable<HandoverHold> holds = new(database, TableName);

    public Task<HandoverHold?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        holds.FindAsync(conversationId, cancellationToken);

    public Task SaveAsync(HandoverHold hold, CancellationToken cancellationToken = default) =>
        holds.UpsertAsync(hold.ConversationId, hold, cancellationToken);

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default) =>
        holds.DeleteAsync(conversationId, cancellationToken);
}
