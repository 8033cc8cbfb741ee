using LiteDB;

namespace WeComHelpBot.Storage.LiteDb;

public static class LiteCollectionExtensions
{
    /// <summary>Inserts a batch in one call (one commit unless an outer transaction holds it); nothing for an empty batch.</summary>
    public static void InsertAll(this ILiteCollection<BsonDocument> collection, IReadOnlyCollection<BsonDocument> documents)
    {
        switch (documents.Count)
        {
            case 0:
                break;
            case 1:
                collection.Insert(documents.First());
                break;
            default:
                collection.InsertBulk(documents);
                break;
        }
    }
}
