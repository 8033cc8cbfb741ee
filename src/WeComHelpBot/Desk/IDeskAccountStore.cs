namespace WeComHelpBot.Desk;

/// <summary>Where console accounts are kept. Names are compared case-insensitively.</summary>
public interface IDeskAccountStore
{
    Task<DeskAccount?> FindAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeskAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="account"/>; false when an account of that name exists.</summary>
    Task<bool> TryAddAsync(DeskAccount account, CancellationToken cancellationToken = default);

    Task UpdateAsync(DeskAccount account, CancellationToken cancellationToken = default);
}
