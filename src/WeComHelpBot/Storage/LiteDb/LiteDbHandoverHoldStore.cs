using System.Collections.Concurrent;
using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbHandoverHoldStore(LiteDatabase database) : IHandoverHoldStore
{
    public const string CollectionName = "desk_holds";

    private readonly LiteDbJsonCollection<HandoverHold> holds = new(database, CollectionName);

    // Every turn asks whether its conversation is held, and almost none is: the ids of the held ones are kept in
    // memory (read once, then kept in step by this store, the only writer of the collection), so an unheld
    // conversation costs no database read.
    private readonly Lazy<ConcurrentDictionary<string, byte>> held = new(() =>
        new ConcurrentDictionary<string, byte>(new LiteDbJsonCollection<HandoverHold>(database, CollectionName).FindAllIds().Select(id => KeyValuePair.Create(id, (byte)0)), StringComparer.Ordinal));

    public Task<HandoverHold?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(held.Value.ContainsKey(conversationId) ? holds.Find(conversationId) : null);

    public Task SaveAsync(HandoverHold hold, CancellationToken cancellationToken = default)
    {
        holds.Upsert(hold.ConversationId, hold);
        held.Value[hold.ConversationId] = 0;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        holds.Delete(conversationId);
        held.Value.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}
