using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>Console accounts in the <c>desk_accounts</c> table, so an account added on one server signs in on every other.</summary>
public sealed class PostgresDeskAccountStore(PostgresDatabase database) : IDeskAccountStore
{
    public const string TableName = "desk_accounts";

    private readonly PostgresJsonTable<DeskAccount> accounts = new(database, TableName);

    public Task<DeskAccount?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        accounts.FindAsync(DeskAccount.KeyOf(name), cancellationToken);

    public async Task<IReadOnlyList<DeskAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        (await accounts.AllAsync(cancellationToken)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    public Task<bool> TryAddAsync(DeskAccount account, CancellationToken cancellationToken = default) =>
        accounts.TryInsertAsync(DeskAccount.KeyOf(account.Name), account, cancellationToken);

    public Task<DeskAccount?> UpdateAsync(string name, Func<DeskAccount, DeskAccount> change, CancellationToken cancellationToken = default) =>
        accounts.UpdateExistingAsync(DeskAccount.KeyOf(name), change, cancellationToken);
}
