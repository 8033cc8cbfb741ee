using LiteDB;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Transcript lines in the LiteDB collection <see cref="CollectionName"/>.
/// A turn's lines are stored as one document (conversation, channel, the first line's time, and its lines in order):
/// each document costs an insert into every index of the collection, which was most of what storing a turn cost
/// under load (bench/README.md). Documents written before that hold one line each and are read the same way.
/// </summary>
public sealed class LiteDbTranscriptStore : ITranscriptLog
{
    public const string CollectionName = "transcripts";

    private readonly LiteDatabase database;

    public LiteDbTranscriptStore(LiteDatabase database)
    {
        this.database = database;
        var collection = Collection;
        collection.EnsureIndex("conversation");
        collection.EnsureIndex("time");
    }

    private ILiteCollection<BsonDocument> Collection => database.GetCollection(CollectionName);

    /// <summary>Stores the lines in one transaction (one commit instead of one per line).</summary>
    public Task AppendAsync(IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        cancellationToken.ThrowIfCancellationRequested();
        Insert(ToDocuments(lines));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The documents for <paramref name="lines"/>: one per run of lines of the same conversation (a turn's lines are one
    /// run). Built before a write so the writer only inserts.
    /// </summary>
    internal static IReadOnlyList<BsonDocument> ToDocuments(IReadOnlyCollection<TranscriptEntry> lines)
    {
        var documents = new List<BsonDocument>(1);
        BsonArray? array = null;
        TranscriptEntry? first = null;
        foreach (var line in lines)
        {
            if (first is null || line.ConversationId != first.ConversationId || line.ChannelId != first.ChannelId)
            {
                first = line;
                array = [];
                documents.Add(new BsonDocument
                {
                    ["conversation"] = line.ConversationId,
                    ["channel"] = line.ChannelId,
                    ["time"] = line.Timestamp.UtcDateTime,
                    ["lines"] = array,
                });
            }

            array!.Add(new BsonDocument
            {
                ["time"] = line.Timestamp.UtcDateTime,
                ["direction"] = line.Direction.ToString(),
                ["text"] = line.Text,
            });
        }

        return documents;
    }

    /// <summary>Inserts documents made by <see cref="ToDocuments"/> (joining the transaction open on this thread, if any).</summary>
    internal void Insert(IReadOnlyCollection<BsonDocument> documents) => Collection.InsertAll(documents);

    public Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Lines of one turn can share a timestamp; the ObjectId keeps this process's insertion order among them.
        IReadOnlyList<TranscriptEntry> entries = Collection.Find(Query.EQ("conversation", conversationId))
            .OrderBy(d => d["time"].AsDateTime)
            .ThenBy(d => d["_id"].AsObjectId)
            .SelectMany(EntriesOf)
            .ToList();
        return Task.FromResult(entries);
    }

    /// <summary>Deletes every turn stored before <paramref name="cutoff"/>; returns how many lines that was.</summary>
    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = database.InTransaction(() =>
        {
            var old = Query.LT("time", cutoff.UtcDateTime);
            var lines = Collection.Find(old).Sum(d => d.TryGetValue("lines", out var l) && l.IsArray ? l.AsArray.Count : 1);
            Collection.DeleteMany(old);
            return lines;
        });
        return Task.FromResult(deleted);
    }

    /// <summary>The lines a stored document holds: a turn's lines, or the single line of a document from before turns were kept whole.</summary>
    public static IEnumerable<TranscriptEntry> EntriesOf(BsonDocument document)
    {
        var conversation = document["conversation"].AsString;
        var channel = document["channel"].AsString;
        if (!document.TryGetValue("lines", out var lines) || !lines.IsArray)
        {
            yield return Entry(conversation, channel, document);
            yield break;
        }

        foreach (var line in lines.AsArray)
        {
            yield return Entry(conversation, channel, line.AsDocument);
        }
    }

    private static TranscriptEntry Entry(string conversation, string channel, BsonDocument line) => new(
        conversation,
        channel,
        new DateTimeOffset(DateTime.SpecifyKind(line["time"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)),
        Enum.Parse<TranscriptDirection>(line["direction"].AsString),
        line["text"].AsString);
}
