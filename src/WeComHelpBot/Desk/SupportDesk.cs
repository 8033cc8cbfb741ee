using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Channels;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Desk;

/// <summary>
/// The support console's work on tickets: records each new ticket with its (encrypted) conversation address, lets an
/// agent answer the user in their own channel (which puts the conversation on hold: the bot stays quiet there), hand
/// it back, change status and assignee, add notes, and tells open consoles of every change. Every action is audited.
/// </summary>
public sealed class SupportDesk(
    ITicketDeskStore records,
    IHandoverHoldStore holds,
    IAuditLog audit,
    TicketService tickets,
    IServiceProvider services,
    ContactProtector protector,
    PersonalDataMasker masker,
    DeskEventHub events,
    TimeProvider time,
    ILogger<SupportDesk> logger) : ITicketCreatedObserver
{
    // Resolved when first needed, not with the desk: the messengers reach the bot (a WeCom kf or AI bot turn runs it),
    // and the bot reaches the desk (ticket observers), a cycle that deadlocks the container at start-up.
    private readonly Lazy<IConversationMessenger[]> lazyMessengers = new(() => services.GetServices<IConversationMessenger>().ToArray());

    private IEnumerable<IConversationMessenger> Messengers => lazyMessengers.Value;

    public async Task OnTicketCreatedAsync(Ticket ticket, ConversationAddress address, CancellationToken cancellationToken = default)
    {
        var record = new TicketDeskRecord(ticket.Number, address.ChannelId, ticket.CreatedAt)
        {
            ProtectedAddress = protector.Protect(JsonSerializer.Serialize(address)),
            History = [new DeskNote(ticket.CreatedAt, "机器人", "用户转人工，创建工单")],
        };
        await records.SaveAsync(record, cancellationToken);
        events.Publish(new DeskEvent(DeskEvent.TicketCreated, ticket.Number));
    }

    /// <summary>The desk record of a ticket; a ticket made before the console existed gets an empty one.</summary>
    public async Task<TicketDeskRecord> GetRecordAsync(Ticket ticket, CancellationToken cancellationToken = default) =>
        await records.FindAsync(ticket.Number, cancellationToken) ?? EmptyRecord(ticket);

    public Task<IReadOnlyList<TicketDeskRecord>> ListRecordsAsync(CancellationToken cancellationToken = default) => records.ListAsync(cancellationToken);

    public Task<HandoverHold?> FindHoldAsync(string conversationId, CancellationToken cancellationToken = default) => holds.FindAsync(conversationId, cancellationToken);

    /// <summary>Sends <paramref name="text"/> from <paramref name="agent"/> to the ticket's user and holds the conversation.</summary>
    public async Task<ReplyOutcome> ReplyAsync(string number, string agent, string text, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken);
        if (ticket is null)
        {
            return ReplyOutcome.NotFound;
        }

        var record = await GetRecordAsync(ticket, cancellationToken);
        var address = AddressOf(record);
        var messenger = address is null ? null : Messengers.FirstOrDefault(m => m.CanDeliver(address.ChannelId));
        if (address is null || messenger is null)
        {
            return ReplyOutcome.NoChannel;
        }

        // Held before sending: the user's answer to the agent must not reach the bot.
        var existing = await holds.FindAsync(ticket.ConversationId, cancellationToken);
        await holds.SaveAsync(new HandoverHold(ticket.ConversationId, ticket.Number, agent, existing?.Since ?? time.GetUtcNow()) { UserTold = true }, cancellationToken);
        if (!await messenger.SendAsync(address, text, agent, cancellationToken))
        {
            if (existing is null)
            {
                await holds.RemoveAsync(ticket.ConversationId, cancellationToken);
            }

            logger.LogWarning("Ticket {TicketNumber}: the reply could not be delivered", ticket.Number);
            return ReplyOutcome.NotDelivered;
        }

        var now = time.GetUtcNow();
        await UpdateAsync(ticket, r => r with
        {
            Status = r.Status == DeskStatus.New ? DeskStatus.InProgress : r.Status,
            Assignee = r.Assignee ?? agent,
            FirstReplyAt = r.FirstReplyAt ?? now,
            AgentMessages = [.. r.AgentMessages, new DeskNote(now, agent, masker.Mask(text) ?? string.Empty)],
            History = existing is null ? [.. r.History, new DeskNote(now, agent, "接手会话，机器人暂停回复")] : r.History,
        }, cancellationToken);
        await AuditAsync(agent, "reply", ticket.Number, null, cancellationToken);
        return ReplyOutcome.Delivered;
    }

    /// <summary>Hands the conversation back to the bot and tells the user; false when nobody held it.</summary>
    public async Task<bool> ReleaseAsync(string number, string agent, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken) ?? throw new TicketNotFoundException(number);
        if (await holds.FindAsync(ticket.ConversationId, cancellationToken) is null)
        {
            return false;
        }

        await holds.RemoveAsync(ticket.ConversationId, cancellationToken);
        var record = await GetRecordAsync(ticket, cancellationToken);
        if (AddressOf(record) is { } address && Messengers.FirstOrDefault(m => m.CanDeliver(address.ChannelId)) is { } messenger)
        {
            await messenger.SendAsync(address, DeskTexts.HandedBack, senderName: null, cancellationToken);
        }

        await UpdateAsync(ticket, r => r with { History = [.. r.History, new DeskNote(time.GetUtcNow(), agent, "交还机器人")] }, cancellationToken);
        await AuditAsync(agent, "release", ticket.Number, null, cancellationToken);
        return true;
    }

    /// <summary>Sets the desk status; 已关闭 also closes the ticket itself (as `tickets close` does) and hands the conversation back.</summary>
    public async Task SetStatusAsync(string number, string agent, DeskStatus status, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken) ?? throw new TicketNotFoundException(number);
        if (status == DeskStatus.Closed)
        {
            await ReleaseAsync(number, agent, cancellationToken);
            ticket = await tickets.CloseAsync(number, cancellationToken);
        }

        await UpdateAsync(ticket, r => r with
        {
            Status = status,
            History = [.. r.History, new DeskNote(time.GetUtcNow(), agent, $"状态改为{DeskTexts.StatusText(status)}")],
        }, cancellationToken);
        await AuditAsync(agent, "status", ticket.Number, DeskTexts.StatusText(status), cancellationToken);
    }

    public async Task AssignAsync(string number, string agent, string? assignee, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken) ?? throw new TicketNotFoundException(number);
        var name = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        await UpdateAsync(ticket, r => r with
        {
            Assignee = name,
            History = [.. r.History, new DeskNote(time.GetUtcNow(), agent, name is null ? "取消指派" : $"指派给{name}")],
        }, cancellationToken);
        await AuditAsync(agent, "assign", ticket.Number, name, cancellationToken);
    }

    /// <summary>An internal note, seen by the desk only; masked like everything else stored from a ticket.</summary>
    public async Task AddNoteAsync(string number, string agent, string text, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken) ?? throw new TicketNotFoundException(number);
        await UpdateAsync(ticket, r => r with { Notes = [.. r.Notes, new DeskNote(time.GetUtcNow(), agent, masker.Mask(text.Trim()) ?? string.Empty)] }, cancellationToken);
        await AuditAsync(agent, "note", ticket.Number, null, cancellationToken);
    }

    /// <summary>Marks the ticket read by <paramref name="agent"/> (the inbox's unread marks); no audit entry, it is no change.</summary>
    public async Task MarkReadAsync(Ticket ticket, string agent, CancellationToken cancellationToken = default)
    {
        var record = await GetRecordAsync(ticket, cancellationToken);
        if (!record.ReadBy.Contains(agent, StringComparer.OrdinalIgnoreCase))
        {
            await UpdateAsync(ticket, r => r with { ReadBy = [.. r.ReadBy, agent] }, cancellationToken, publish: false);
        }
    }

    /// <summary>The user wrote in a held conversation: the ticket is unread again and open consoles are told.</summary>
    public async Task OnUserMessageWhileHeldAsync(HandoverHold hold, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.GetAsync(hold.TicketNumber, cancellationToken);
        if (ticket is not null)
        {
            await UpdateAsync(ticket, r => r with { LastUserMessageAt = time.GetUtcNow(), ReadBy = [] }, cancellationToken, publish: false);
        }

        events.Publish(new DeskEvent(DeskEvent.UserMessage, hold.TicketNumber));
    }

    public Task AuditAsync(string user, string action, string? target, string? detail, CancellationToken cancellationToken = default) =>
        audit.AppendAsync(new AuditEntry(time.GetUtcNow(), user, action, target, masker.Mask(detail)), cancellationToken);

    private static TicketDeskRecord EmptyRecord(Ticket ticket) => new(ticket.Number, string.Empty, ticket.CreatedAt);

    private ConversationAddress? AddressOf(TicketDeskRecord record) =>
        record.ProtectedAddress is { } stored ? JsonSerializer.Deserialize<ConversationAddress>(protector.Unprotect(stored)) : null;

    private async Task UpdateAsync(Ticket ticket, Func<TicketDeskRecord, TicketDeskRecord> change, CancellationToken cancellationToken, bool publish = true)
    {
        await records.UpdateAsync(ticket.Number, record => change(record ?? EmptyRecord(ticket)), cancellationToken);

        if (publish)
        {
            events.Publish(new DeskEvent(DeskEvent.TicketUpdated, ticket.Number));
        }
    }
}
