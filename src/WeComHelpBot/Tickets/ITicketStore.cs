namespace WeComHelpBot.Tickets;

/// <summary>
/// Where tickets are kept (LiteDB or PostgreSQL). The store only keeps and numbers them: masking and the contact's
/// encryption happen before a ticket reaches it (<see cref="TicketService"/>).
/// </summary>
public interface ITicketStore
{
    /// <summary>
    /// True when the tickets here are encrypted with the contact key whose <paramref name="fingerprint"/>
    /// (<see cref="ContactProtector.KeyFingerprint"/>) is given: a store that several processes share records the first
    /// key used and answers false to any other, so a process with a key of its own cannot scatter tickets the others
    /// cannot read. A store of one process answers true without asking for the fingerprint (which would create the key).
    /// </summary>
    Task<bool> UsesContactKeyAsync(Func<string> fingerprint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the ticket that <paramref name="create"/> builds around the next number of <paramref name="day"/>
    /// (<see cref="TicketNumber.Format"/>). Numbers of a day are consecutive and never handed out twice, even by two
    /// processes at once; a ticket that fails to store gives its number back.
    /// </summary>
    Task<StoredTicket> CreateAsync(string day, Func<string, StoredTicket> create, CancellationToken cancellationToken = default);

    /// <summary>The ticket with this (normalized) number, or null.</summary>
    Task<StoredTicket?> GetAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>Every ticket, or those with <paramref name="status"/>; in no particular order.</summary>
    Task<IReadOnlyList<StoredTicket>> ListAsync(TicketStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the ticket with what <paramref name="change"/> makes of it, with no other writer in between; returns
    /// what is stored afterwards, or null when there is no such ticket. When <paramref name="change"/> returns its
    /// argument unchanged, nothing is written.
    /// </summary>
    Task<StoredTicket?> UpdateAsync(string number, Func<StoredTicket, StoredTicket> change, CancellationToken cancellationToken = default);
}
