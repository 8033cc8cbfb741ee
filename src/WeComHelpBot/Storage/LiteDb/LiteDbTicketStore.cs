using LiteDB;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Tickets in the LiteDB file: one document per ticket (number as id, status and creation time for queries, the
/// encrypted contact and the ticket's JSON), and a counter document per China day that hands out numbers inside the
/// transaction that inserts the ticket.
/// </summary>
public sealed class LiteDbTicketStore : ITicketStore
{
    public const string CollectionName = "tickets";
    public const string CounterCollectionName = "ticket_counters";

    private readonly LiteDatabase database;
    private readonly object gate = new();

    public LiteDbTicketStore(LiteDatabase database)
    {
        this.database = database;
        Tickets.EnsureIndex("status");
    }

    private ILiteCollection<BsonDocument> Tickets => database.GetCollection(CollectionName);

    /// <summary>Always true: the key file sits in the data folder beside this one process's database file.</summary>
    public Task<bool> UsesContactKeyAsync(Func<string> fingerprint, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<StoredTicket> CreateAsync(string day, Func<string, StoredTicket> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(database.InTransaction(() =>
            {
                var created = create(NextNumber(day));
                Tickets.Insert(ToDocument(created));
                return created;
            }));
        }
    }

    public Task<StoredTicket?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Tickets.FindById(number);
        return Task.FromResult(document is null ? null : FromDocument(document));
    }

    public Task<IReadOnlyList<StoredTicket>> ListAsync(TicketStatus? status = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = status is null ? Tickets.FindAll() : Tickets.Find(Query.EQ("status", status.Value.ToString()));
        IReadOnlyList<StoredTicket> tickets = documents.Select(FromDocument).ToList();
        return Task.FromResult(tickets);
    }

    public Task<StoredTicket?> UpdateAsync(string number, Func<StoredTicket, StoredTicket> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var document = Tickets.FindById(number);
            if (document is null)
            {
                return Task.FromResult<StoredTicket?>(null);
            }

            var current = FromDocument(document);
            var changed = change(current);
            if (!ReferenceEquals(changed, current))
            {
                Tickets.Update(ToDocument(changed));
            }

            return Task.FromResult<StoredTicket?>(changed);
        }
    }

    private string NextNumber(string day)
    {
        var counters = database.GetCollection(CounterCollectionName);
        var counter = counters.FindById(day);
        var next = (counter?["last"].AsInt32 ?? 0) + 1;
        counters.Upsert(new BsonDocument { ["_id"] = day, ["last"] = next });
        return TicketNumber.Format(day, next);
    }

    private static BsonDocument ToDocument(StoredTicket stored)
    {
        var document = new BsonDocument
        {
            ["_id"] = stored.Ticket.Number,
            ["status"] = stored.Ticket.Status.ToString(),
            ["created"] = stored.Ticket.CreatedAt.UtcDateTime,
        };
        if (stored.ProtectedContact is { } contact)
        {
            document["contact"] = contact;
        }

        document["json"] = TicketService.ToJson(stored.Ticket);
        return document;
    }

    private static StoredTicket FromDocument(BsonDocument document)
    {
        var ticket = TicketService.FromJson(document["json"].AsString, document["_id"].AsString);
        return new StoredTicket(ticket, document.TryGetValue("contact", out var contact) && contact.IsString ? contact.AsString : null);
    }
}
