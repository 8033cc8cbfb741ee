namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// What the 微信客服 channel must remember across restarts and processes: the sync_msg cursor of each 客服帐号, the
/// message ids already handled, and how much of each customer's sending window (5 messages within 48 hours of their
/// last message) the bot has used. Customers are named by their conversation id (a pseudonym), never by external_userid.
/// </summary>
public interface IWeComKfStore
{
    /// <summary>The next_cursor saved for <paramref name="openKfId"/>, or null before the first sync.</summary>
    Task<string?> GetCursorAsync(string openKfId, CancellationToken cancellationToken = default);

    Task SaveCursorAsync(string openKfId, string cursor, CancellationToken cancellationToken = default);

    /// <summary>True the first time <paramref name="msgId"/> is seen (it is then remembered); false when it was handled before.</summary>
    Task<bool> TryMarkHandledAsync(string msgId, CancellationToken cancellationToken = default);

    /// <summary>The customer wrote at <paramref name="sentAt"/>: a new window opens, nothing of it used yet.</summary>
    Task OpenWindowAsync(string conversationId, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="wanted"/> messages from the customer's window at <paramref name="now"/> and returns how
    /// many were granted (0 when the window is closed or used up). Atomic, so two processes never overspend it.
    /// </summary>
    Task<int> ReserveAsync(string conversationId, int wanted, WeComKfWindow window, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Remembers where the conversation is reached (encrypted), for replies sent outside a turn.</summary>
    Task SaveAddressAsync(string conversationId, string openKfId, string externalUserId, CancellationToken cancellationToken = default);

    /// <summary>The open_kfid and external_userid of <paramref name="conversationId"/>, or null when unknown.</summary>
    Task<(string OpenKfId, string ExternalUserId)?> GetAddressAsync(string conversationId, CancellationToken cancellationToken = default);
}
