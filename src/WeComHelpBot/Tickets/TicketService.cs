using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tickets;

/// <summary>
/// Creates and manages tickets in LiteDB. Numbers are T + China date + a per-day sequence (T20261125-0001), given out
/// inside a transaction so two processes never hand out the same number.
/// </summary>
public sealed class TicketService
{
    public const string CollectionName = "tickets";
    private const string CounterCollectionName = "ticket_counters";

    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    private readonly LiteDatabase database;
    private readonly TranscriptStore transcripts;
    private readonly SupportAnalytics analytics;
    private readonly PersonalDataMasker masker;
    private readonly TimeProvider time;
    private readonly SupportOptions options;
    private readonly ILogger<TicketService> logger;
    private readonly ContactProtector contacts;
    private readonly object gate = new();

    public TicketService(
        LiteDatabase database,
        TranscriptStore transcripts,
        SupportAnalytics analytics,
        PersonalDataMasker masker,
        TimeProvider time,
        IOptions<SupportOptions> options,
        ILogger<TicketService> logger,
        ContactProtector contacts)
    {
        this.contacts = contacts;
        this.database = database;
        this.transcripts = transcripts;
        this.analytics = analytics;
        this.masker = masker;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        Tickets.EnsureIndex("status");
    }

    private ILiteCollection<BsonDocument> Tickets => database.GetCollection(CollectionName);

    /// <summary>
    /// Stores a new ticket with the conversation's latest transcript lines attached, records TicketCreated, and returns it
    /// (its <see cref="Ticket.Number"/> and <see cref="Ticket.ExpectedResponse"/> are what the user is told).
    /// Throws <see cref="ArgumentException"/> (zh-CN message) for a phone that is not a mobile or landline number.
    /// </summary>
    public async Task<Ticket> CreateAsync(TicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ConversationId);
        if (!ChinesePhoneNumber.TryNormalizeContact(request.ContactPhone, out var phone))
        {
            throw new ArgumentException("联系电话格式不对：请填写 11 位手机号，或带区号的座机号（如 0591-12345678）。", nameof(request));
        }

        var turns = await transcripts.GetRecentAsync(request.ConversationId, options.TicketRecentTurns, cancellationToken);
        var now = time.GetUtcNow();
        Ticket ticket;
        lock (gate)
        {
            ticket = database.InTransaction(() =>
            {
                var number = NextNumber(now);
                var created = new Ticket(
                    number,
                    now,
                    TicketStatus.Open,
                    request.ConversationId,
                    phone,
                    masker.Mask(request.CompanyName.Trim()) ?? string.Empty,
                    request.FailureCategory.Trim(),
                    masker.Mask(request.FailureDescription.Trim()) ?? string.Empty,
                    request.Answers.ToDictionary(a => a.Key, a => masker.Mask(a.Value) ?? string.Empty),
                    turns,
                    options.TicketExpectedResponse)
                {
                    Source = request.Source,
                };
                Tickets.Insert(ToDocument(created));
                return created;
            });
        }

        await analytics.RecordTicketCreatedAsync(ticket.ConversationId, ticket.Number, cancellationToken);
        // Conversation ids come from channels; one that carries a number (a UserID set to a phone) is masked in the log.
        logger.LogInformation("Ticket {TicketNumber} created for conversation {ConversationId}", ticket.Number, masker.Mask(ticket.ConversationId));
        return ticket;
    }

    /// <summary>Tickets, newest first; only those with <paramref name="status"/> when given.</summary>
    public Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = status is null ? Tickets.FindAll() : Tickets.Find(Query.EQ("status", status.Value.ToString()));
        IReadOnlyList<Ticket> tickets = documents.Select(FromDocument).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number, StringComparer.Ordinal).ToList();
        return Task.FromResult(tickets);
    }

    /// <summary>The ticket with this number (case-insensitive), or null.</summary>
    public Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Tickets.FindById(NormalizeNumber(number));
        return Task.FromResult(document is null ? null : FromDocument(document));
    }

    /// <summary>Closes the ticket (closing a closed ticket keeps its first close time). Throws <see cref="TicketNotFoundException"/>.</summary>
    public Task<Ticket> CloseAsync(string number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var document = Tickets.FindById(NormalizeNumber(number)) ?? throw new TicketNotFoundException(number);
            var ticket = FromDocument(document);
            if (ticket.Status == TicketStatus.Closed)
            {
                return Task.FromResult(ticket);
            }

            var closed = ticket with { Status = TicketStatus.Closed, ClosedAt = time.GetUtcNow() };
            Tickets.Update(ToDocument(closed));
            logger.LogInformation("Ticket {TicketNumber} closed", closed.Number);
            return Task.FromResult(closed);
        }
    }

    private string NextNumber(DateTimeOffset now)
    {
        var day = ChinaTime.ToChina(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var counters = database.GetCollection(CounterCollectionName);
        var counter = counters.FindById(day);
        var next = (counter?["last"].AsInt32 ?? 0) + 1;
        counters.Upsert(new BsonDocument { ["_id"] = day, ["last"] = next });
        return $"T{day}-{next:0000}";
    }

    /// <summary>How tickets are written as JSON (stored and exported): camelCase, enum names, Chinese kept readable.</summary>
    public static JsonSerializerOptions CreateJsonOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string NormalizeNumber(string number) => (number ?? string.Empty).Trim().ToUpperInvariant();

    // The phone is the one raw personal value of a ticket: it is stored encrypted, beside the JSON that has it masked.
    private BsonDocument ToDocument(Ticket ticket) => new()
    {
        ["_id"] = ticket.Number,
        ["status"] = ticket.Status.ToString(),
        ["created"] = ticket.CreatedAt.UtcDateTime,
        ["contact"] = contacts.Protect(ticket.ContactPhone),
        ["json"] = JsonSerializer.Serialize(ticket with { ContactPhone = masker.MaskPhone(ticket.ContactPhone) }, JsonOptions),
    };

    private Ticket FromDocument(BsonDocument document)
    {
        var ticket = JsonSerializer.Deserialize<Ticket>(document["json"].AsString, JsonOptions)
            ?? throw new InvalidDataException($"工单 {document["_id"].AsString} 的数据无法读取");
        return document.TryGetValue("contact", out var contact) && contact.IsString
            ? ticket with { ContactPhone = contacts.Unprotect(contact.AsString) }
            : ticket;
    }
}
