using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbDeskAccountStore(LiteDatabase database) : IDeskAccountStore
{
    public const string CollectionName = "desk_accounts";

    private readonly LiteDbJsonCollection<DeskAccount> accounts = new(database, CollectionName);
    private readonly object gate = new();

    public Task<DeskAccount?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(accounts.Find(DeskAccount.KeyOf(name)));

    public Task<IReadOnlyList<DeskAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeskAccount>>(accounts.All().OrderBy(a => a.Name, StringComparer.Ordinal).ToList());

    public Task<bool> TryAddAsync(DeskAccount account, CancellationToken cancellationToken = default) =>
        Task.FromResult(accounts.TryInsert(DeskAccount.KeyOf(account.Name), account));

    public Task<DeskAccount?> UpdateAsync(string name, Func<DeskAccount, DeskAccount> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            if (accounts.Find(DeskAccount.KeyOf(name)) is not { } current)
            {
                return Task.FromResult<DeskAccount?>(null);
            }

            var changed = change(current);
            accounts.Upsert(DeskAccount.KeyOf(name), changed);
            return Task.FromResult<DeskAccount?>(changed);
        }
    }
}
