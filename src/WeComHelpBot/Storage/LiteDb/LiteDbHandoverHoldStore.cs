using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbHandoverHoldStore(LiteDatabase database) : IHandoverHoldStore
{
    public const string CollectionName = "desk_holds";

    private readonly LiteDbJsonCollection<HandoverHold> holds = new(database, CollectionName);

    public Task<HandoverHold?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(holds.Find(conversationId));

    public Task SaveAsync(HandoverHold hold, CancellationToken cancellationToken = default)
    {
        holds.Upsert(hold.ConversationId, hold);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        holds.Delete(conversationId);
        return Task.CompletedTask;
    }
}
