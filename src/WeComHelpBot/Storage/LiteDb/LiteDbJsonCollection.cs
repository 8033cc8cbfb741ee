using System.Text.Json;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// A LiteDB collection of records kept as JSON beside their key, as the tickets are: records with init-only members
/// round-trip through System.Text.Json without LiteDB's mapper, and a later move to another store reads the same JSON.
/// </summary>
public sealed class LiteDbJsonCollection<T>(LiteDatabase database, string collectionName)
    where T : class
{
    private static readonly JsonSerializerOptions JsonOptions = StoredRecordJson.Options;

    private ILiteCollection<BsonDocument> Collection => database.GetCollection(collectionName);

    public T? Find(string key)
    {
        var document = Collection.FindById(key);
        return document is null ? null : Read(document);
    }

    public IReadOnlyList<T> All() => Collection.FindAll().Select(Read).ToList();

    /// <summary>The keys of every document.</summary>
    public IReadOnlyList<string> FindAllIds() => Collection.Query().Select(d => d["_id"]).ToEnumerable().Select(id => id.AsString).ToList();

    public bool TryInsert(string key, T value)
    {
        try
        {
            Collection.Insert(ToDocument(key, value));
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Upsert(string key, T value) => Collection.Upsert(ToDocument(key, value));

    public void Delete(string key) => Collection.Delete(key);

    /// <summary>Appends with an automatic id (for logs, where order is insertion order).</summary>
    public void Append(T value) => Collection.Insert(new BsonDocument { ["json"] = JsonSerializer.Serialize(value, JsonOptions) });

    /// <summary>The last <paramref name="count"/> appended, newest first.</summary>
    public IReadOnlyList<T> Newest(int count) =>
        Collection.Find(Query.All(Query.Descending), limit: count).Select(Read).ToList();

    private static BsonDocument ToDocument(string key, T value) => new()
    {
        ["_id"] = key,
        ["json"] = JsonSerializer.Serialize(value, JsonOptions),
    };

    private static T Read(BsonDocument document) =>
        JsonSerializer.Deserialize<T>(document["json"].AsString, JsonOptions)
            ?? throw new InvalidDataException($"数据库里 {document["_id"]} 的记录无法读取");
}
