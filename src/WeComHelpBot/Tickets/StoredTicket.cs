namespace WeComHelpBot.Tickets;

/// <summary>
/// A ticket as a store keeps it: <see cref="Ticket"/> with its contact phone masked, and the phone itself encrypted by
/// <see cref="ContactProtector"/> (null for a ticket stored before encryption existed, whose JSON still holds it).
/// </summary>
public sealed record StoredTicket(Ticket Ticket, string? ProtectedContact);
