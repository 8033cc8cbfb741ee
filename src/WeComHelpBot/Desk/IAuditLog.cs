namespace WeComHelpBot.Desk;

/// <summary>The record of every console action (sign-ins, replies, status changes, knowledge edits, account changes).</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int count, CancellationToken cancellationToken = default);
}
