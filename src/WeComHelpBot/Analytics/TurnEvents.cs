using LiteDB;

namespace WeComHelpBot.Analytics;

/// <summary>
/// The analytics events one bot turn recorded and has not written yet (see <see cref="SupportAnalytics.BeginTurn"/>).
/// Thread-safe: a turn may record from more than one thread. Once closed it takes no more events, so an event recorded
/// by work that outlives its turn is written on its own instead of being lost.
/// </summary>
internal sealed class TurnEvents
{
    private readonly object gate = new();
    private List<BsonDocument> documents = [];
    private bool closed;

    /// <summary>Keeps <paramref name="document"/> for the end of the turn; false when the turn is already closed.</summary>
    public bool TryAdd(BsonDocument document)
    {
        lock (gate)
        {
            if (closed)
            {
                return false;
            }

            documents.Add(document);
            return true;
        }
    }

    /// <summary>Takes the events kept so far (to write them before a read); the turn keeps collecting.</summary>
    public IReadOnlyList<BsonDocument> Drain() => Take(close: false);

    /// <summary>Takes the events kept so far and stops collecting.</summary>
    public IReadOnlyList<BsonDocument> Close() => Take(close: true);

    private List<BsonDocument> Take(bool close)
    {
        lock (gate)
        {
            closed |= close;
            var taken = documents;
            documents = [];
            return taken;
        }
    }
}
