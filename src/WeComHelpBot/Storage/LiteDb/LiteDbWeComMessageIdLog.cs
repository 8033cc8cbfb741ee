using LiteDB;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>Handled WeCom delivery ids in the LiteDB file, written through its write queue.</summary>
public sealed class LiteDbWeComMessageIdLog : IWeComMessageIdLog
{
    public const string CollectionName = "wecom_message_ids";

    private readonly LiteDbWriteQueue writes;

    public LiteDbWeComMessageIdLog(LiteDatabase database, LiteDbWriteQueue writes)
    {
        this.writes = writes;
        database.GetCollection(CollectionName).EnsureIndex("at");
    }

    public Task<bool> TryAddAsync(string id, DateTime at, DateTime cutoff, bool purgeExpired, CancellationToken cancellationToken = default) =>
        writes.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(CollectionName);
                if (purgeExpired)
                {
                    collection.DeleteMany(Query.LT("at", cutoff));
                }

                var seen = collection.FindById(id);
                if (seen is not null && seen["at"].IsDateTime && seen["at"].AsDateTime > cutoff)
                {
                    return false;
                }

                collection.Upsert(new BsonDocument { ["_id"] = id, ["at"] = at });
                return true;
            },
            cancellationToken);
}
