using LiteDB;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>Analytics events in the LiteDB collection <see cref="CollectionName"/>, indexed by time only.</summary>
public sealed class LiteDbAnalyticsStore : IAnalyticsStore
{
    public const string CollectionName = "analytics_events";

    private readonly LiteDatabase database;

    public LiteDbAnalyticsStore(LiteDatabase database)
    {
        this.database = database;
        Collection.EnsureIndex("time");

        // No query selects by type, and every index costs each insert a skip-list insertion; files made before this had one.
        Collection.DropIndex("type");
    }

    private ILiteCollection<BsonDocument> Collection => database.GetCollection(CollectionName);

    public Task AppendAsync(IReadOnlyCollection<AnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 1)
        {
            Collection.Insert(ToDocument(events.First()));
        }
        else if (events.Count > 1)
        {
            Insert(ToDocuments(events));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        BsonExpression? query = (from, to) switch
        {
            (null, null) => null,
            ({ } f, null) => Query.GTE("time", f.UtcDateTime),
            (null, { } t) => Query.LT("time", t.UtcDateTime),
            ({ } f, { } t) => Query.And(Query.GTE("time", f.UtcDateTime), Query.LT("time", t.UtcDateTime)),
        };
        var documents = query is null ? Collection.FindAll() : Collection.Find(query);
        IReadOnlyList<AnalyticsEvent> events = documents
            .OrderBy(d => d["time"].AsDateTime)
            .ThenBy(d => d["_id"].AsObjectId)
            .Select(ToEvent)
            .ToList();
        return Task.FromResult(events);
    }

    /// <summary>The documents for <paramref name="events"/>, built before a write so the writer only inserts.</summary>
    internal static IReadOnlyList<BsonDocument> ToDocuments(IReadOnlyCollection<AnalyticsEvent> events) => events.Select(ToDocument).ToList();

    /// <summary>Inserts documents made by <see cref="ToDocuments"/> (joining the transaction open on this thread, if any).</summary>
    internal void Insert(IReadOnlyCollection<BsonDocument> documents) => Collection.InsertAll(documents);

    private static BsonDocument ToDocument(AnalyticsEvent e)
    {
        var document = new BsonDocument
        {
            ["type"] = e.Type.ToString(),
            ["conversation"] = e.ConversationId,
            ["time"] = e.Timestamp.UtcDateTime,
        };
        Put(document, "entry", e.EntryId);
        Put(document, "text", e.Text);
        Put(document, "flow", e.FlowId);
        Put(document, "reason", e.Reason);
        Put(document, "ticket", e.TicketNumber);
        Put(document, "channel", e.ChannelId);
        if (e.Score is { } score) document["score"] = score;
        if (e.Rating is { } rating) document["rating"] = rating;
        if (e.Resolved is { } resolved) document["resolved"] = resolved;
        return document;
    }

    private static void Put(BsonDocument document, string name, string? value)
    {
        if (value is not null)
        {
            document[name] = value;
        }
    }

    private static AnalyticsEvent ToEvent(BsonDocument d) => new(
        Enum.Parse<AnalyticsEventType>(d["type"].AsString),
        d["conversation"].AsString,
        new DateTimeOffset(DateTime.SpecifyKind(d["time"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)))
    {
        EntryId = String(d, "entry"),
        Text = String(d, "text"),
        FlowId = String(d, "flow"),
        Reason = String(d, "reason"),
        TicketNumber = String(d, "ticket"),
        ChannelId = String(d, "channel"),
        Score = d.TryGetValue("score", out var score) && score.IsNumber ? score.AsDouble : null,
        Rating = d.TryGetValue("rating", out var rating) && rating.IsNumber ? rating.AsInt32 : null,
        Resolved = d.TryGetValue("resolved", out var resolved) && resolved.IsBoolean ? resolved.AsBoolean : null,
    };

    private static string? String(BsonDocument d, string name) => d.TryGetValue(name, out var value) && value.IsString ? value.AsString : null;
}
