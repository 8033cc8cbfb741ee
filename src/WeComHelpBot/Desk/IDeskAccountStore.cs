namespace WeComHelpBot.Desk;

/// <summary>Where console accounts are kept. Names are compared case-insensitively.</summary>
public interface IDeskAccountStore
{
    Task<DeskAccount?> FindAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeskAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="account"/>; false when an account of that name exists.</summary>
    Task<bool> TryAddAsync(DeskAccount account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores what <paramref name="change"/> makes of the account with no other writer in between (two server processes
    /// counting wrong passwords, or a sign-in while `users disable` runs, never undo each other); null when there is none.
    /// </summary>
    Task<DeskAccount?> UpdateAsync(string name, Func<DeskAccount, DeskAccount> change, CancellationToken cancellationToken = default);
}
