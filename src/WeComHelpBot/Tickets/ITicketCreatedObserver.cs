using WeComHelpBot.Channels;

namespace WeComHelpBot.Tickets;

/// <summary>
/// Told of every ticket the chat creates, with where its conversation can be reached (the support console keeps the
/// address encrypted; the notifier posts the ticket to the team). Must not hold up the user's turn for long.
/// </summary>
public interface ITicketCreatedObserver
{
    Task OnTicketCreatedAsync(Ticket ticket, ConversationAddress address, CancellationToken cancellationToken = default);
}
