using LiteDB;
using Microsoft.Extensions.Options;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Conversation transcripts in LiteDB. Every text is masked here, at the only door into the collection,
/// so no caller can store a raw phone, ID or account number by mistake.
/// A turn's lines are stored as one document (conversation, channel, the first line's time, and its lines in order):
/// each document costs an insert into every index of the collection, which was most of what storing a turn cost
/// under load (bench/README.md). Documents written before that hold one line each and are read the same way.
/// </summary>
public sealed class TranscriptStore
{
    public const string CollectionName = "transcripts";

    private readonly LiteDatabase database;
    private readonly PersonalDataMasker masker;
    private readonly TimeProvider time;
    private readonly SupportOptions options;

    public TranscriptStore(LiteDatabase database, PersonalDataMasker masker, TimeProvider time, IOptions<SupportOptions> options)
    {
        this.database = database;
        this.masker = masker;
        this.time = time;
        this.options = options.Value;
        var collection = Collection;
        collection.EnsureIndex("conversation");
        collection.EnsureIndex("time");
    }

    private ILiteCollection<BsonDocument> Collection => database.GetCollection(CollectionName);

    /// <summary>Stores one line; its text is masked first.</summary>
    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AppendAsync([entry], cancellationToken);
    }

    /// <summary>Stores a turn's lines in one transaction (one commit instead of one per line); each text is masked first.</summary>
    public Task AppendAsync(IReadOnlyCollection<TranscriptEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        Append(entries);
        return Task.CompletedTask;
    }

    /// <summary>The synchronous body of <see cref="AppendAsync(IReadOnlyCollection{TranscriptEntry}, CancellationToken)"/>.</summary>
    internal void Append(IReadOnlyCollection<TranscriptEntry> entries) => Insert(ToDocuments(entries));

    /// <summary>
    /// The documents for <paramref name="entries"/>, texts masked: one per run of lines of the same conversation (a
    /// turn's lines are one run). Built before a write so the writer only inserts.
    /// </summary>
    internal IReadOnlyList<BsonDocument> ToDocuments(IReadOnlyCollection<TranscriptEntry> entries)
    {
        var documents = new List<BsonDocument>(1);
        BsonArray? lines = null;
        TranscriptEntry? first = null;
        foreach (var entry in entries)
        {
            if (first is null || entry.ConversationId != first.ConversationId || entry.ChannelId != first.ChannelId)
            {
                first = entry;
                lines = [];
                documents.Add(new BsonDocument
                {
                    ["conversation"] = entry.ConversationId,
                    ["channel"] = entry.ChannelId,
                    ["time"] = entry.Timestamp.UtcDateTime,
                    ["lines"] = lines,
                });
            }

            lines!.Add(new BsonDocument
            {
                ["time"] = entry.Timestamp.UtcDateTime,
                ["direction"] = entry.Direction.ToString(),
                ["text"] = masker.Mask(entry.Text) ?? string.Empty,
            });
        }

        return documents;
    }

    /// <summary>Inserts documents made by <see cref="ToDocuments"/> (joining the transaction open on this thread, if any).</summary>
    internal void Insert(IReadOnlyCollection<BsonDocument> documents) => Collection.InsertAll(documents);

    /// <summary>The whole conversation, oldest first.</summary>
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

    /// <summary>The last <paramref name="count"/> lines of the conversation, oldest first (for a ticket).</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> GetRecentAsync(string conversationId, int count, CancellationToken cancellationToken = default)
    {
        var all = await GetConversationAsync(conversationId, cancellationToken);
        return all.Skip(Math.Max(0, all.Count - count)).ToList();
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

    /// <summary>Applies <see cref="SupportOptions.TranscriptRetentionDays"/>: deletes older lines, or nothing when it is not set.</summary>
    public Task<int> ApplyRetentionAsync(CancellationToken cancellationToken = default)
    {
        if (options.TranscriptRetentionDays is not > 0)
        {
            return Task.FromResult(0);
        }

        var cutoff = time.GetUtcNow().AddDays(-options.TranscriptRetentionDays.Value);
        return DeleteOlderThanAsync(cutoff, cancellationToken);
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
