using System.Text.Json.Serialization;
using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tickets;

/// <summary>
/// Creates and manages tickets in the <see cref="ITicketStore"/> (LiteDB or PostgreSQL). Numbers are T + China date + a
/// per-day sequence (T20261125-0001), handed out by the store so two processes never hand out the same number. Everything
/// personal is masked, and the contact phone encrypted, here, before a ticket reaches the store.
/// </summary>
public sealed class TicketService
{
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    private readonly ITicketStore store;
    private readonly TranscriptStore transcripts;
    private readonly SupportAnalytics analytics;
    private readonly PersonalDataMasker masker;
    private readonly TimeProvider time;
    private readonly SupportOptions options;
    private readonly ILogger<TicketService> logger;
    private readonly ContactProtector contacts;
    private volatile bool contactKeyChecked;

    public TicketService(
        ITicketStore store,
        TranscriptStore transcripts,
        SupportAnalytics analytics,
        PersonalDataMasker masker,
        TimeProvider time,
        IOptions<SupportOptions> options,
        ILogger<TicketService> logger,
        ContactProtector contacts)
    {
        this.contacts = contacts;
        this.store = store;
        this.transcripts = transcripts;
        this.analytics = analytics;
        this.masker = masker;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
    }

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

        await CheckContactKeyAsync(cancellationToken);
        var turns = await transcripts.GetRecentAsync(request.ConversationId, options.TicketRecentTurns, cancellationToken);
        var now = time.GetUtcNow();
        var stored = await store.CreateAsync(
            TicketNumber.DayOf(now),
            number => ToStored(new Ticket(
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
            }),
            cancellationToken);
        var ticket = FromStored(stored);

        await analytics.RecordTicketCreatedAsync(ticket.ConversationId, ticket.Number, cancellationToken);
        // Conversation ids come from channels; one that carries a number (a UserID set to a phone) is masked in the log.
        logger.LogInformation("Ticket {TicketNumber} created for conversation {ConversationId}", ticket.Number, masker.Mask(ticket.ConversationId));
        return ticket;
    }

    /// <summary>Tickets, newest first; only those with <paramref name="status"/> when given.</summary>
    public async Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status = null, CancellationToken cancellationToken = default)
    {
        await CheckContactKeyAsync(cancellationToken);
        var stored = await store.ListAsync(status, cancellationToken);
        return stored.Select(FromStored).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>The ticket with this number (case-insensitive), or null.</summary>
    public async Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        await CheckContactKeyAsync(cancellationToken);
        return await store.GetAsync(TicketNumber.Normalize(number), cancellationToken) is { } stored ? FromStored(stored) : null;
    }

    /// <summary>Closes the ticket (closing a closed ticket keeps its first close time). Throws <see cref="TicketNotFoundException"/>.</summary>
    public async Task<Ticket> CloseAsync(string number, CancellationToken cancellationToken = default)
    {
        await CheckContactKeyAsync(cancellationToken);
        var closing = false;
        var stored = await store.UpdateAsync(
            TicketNumber.Normalize(number),
            current =>
            {
                var ticket = FromStored(current);
                if (ticket.Status == TicketStatus.Closed)
                {
                    return current;
                }

                closing = true;
                return ToStored(ticket with { Status = TicketStatus.Closed, ClosedAt = time.GetUtcNow() });
            },
            cancellationToken) ?? throw new TicketNotFoundException(number);
        var closed = FromStored(stored);
        if (closing)
        {
            logger.LogInformation("Ticket {TicketNumber} closed", closed.Number);
        }

        return closed;
    }

    /// <summary>How tickets are written as JSON (stored and exported): camelCase, enum names, Chinese kept readable.</summary>
    public static JsonSerializerOptions CreateJsonOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Once per process, before the first ticket is read or written: a process whose contact key is not the one the
    /// shared database's tickets are encrypted with stops here, with a message saying which file to copy, instead of
    /// writing tickets the other processes cannot read.
    /// </summary>
    private async Task CheckContactKeyAsync(CancellationToken cancellationToken)
    {
        if (contactKeyChecked)
        {
            return;
        }

        if (!await store.UsesContactKeyAsync(() => contacts.KeyFingerprint, cancellationToken))
        {
            throw contacts.KeyFile is { } keyFile
                ? (Exception)new StorageUnavailableException(
                    Path.GetFullPath(keyFile),
                    "数据库里的工单联系电话是用另一个密钥加密的。共用同一个数据库的所有服务器和 wecomhelp 必须用同一个密钥："
                    + "请把最先运行的服务器数据目录里的 ticket-contact.key 复制过来替换它，或给所有进程设置同一个 Tickets__ContactKey")
                : new StorageSettingsException(
                    "数据库里的工单联系电话是用另一个密钥加密的，与设置 Tickets:ContactKey（环境变量 Tickets__ContactKey）不同。"
                    + "共用同一个数据库的所有服务器和 wecomhelp 必须用同一个密钥。");
        }

        contactKeyChecked = true;
    }

    /// <summary>The JSON a store keeps for a ticket (every backend the same, so data can move between them).</summary>
    public static string ToJson(Ticket ticket) => JsonSerializer.Serialize(ticket, JsonOptions);

    /// <summary>A ticket from its stored JSON; <paramref name="number"/> names it in the error when the JSON is unreadable.</summary>
    public static Ticket FromJson(string json, string number) =>
        JsonSerializer.Deserialize<Ticket>(json, JsonOptions) ?? throw new InvalidDataException($"工单 {number} 的数据无法读取");

    // The phone is the one raw personal value of a ticket: it is stored encrypted, beside the JSON that has it masked.
    private StoredTicket ToStored(Ticket ticket) =>
        new(ticket with { ContactPhone = masker.MaskPhone(ticket.ContactPhone) }, contacts.Protect(ticket.ContactPhone));

    private Ticket FromStored(StoredTicket stored) =>
        stored.ProtectedContact is { } contact ? stored.Ticket with { ContactPhone = contacts.Unprotect(contact) } : stored.Ticket;
}
