using LiteDB;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Storage.LiteDb;

public sealed class LiteDbDeskAccountStore(LiteDatabase database) : IDeskAccountStore
{
    public const string CollectionName = "desk_accounts";

    private readonly LiteDbJsonCollection<DeskAccount> accounts = new(database, CollectionName);

    public Task<DeskAccount?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(accounts.Find(DeskAccount.KeyOf(name)));

    public Task<IReadOnlyList<DeskAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeskAccount>>(accounts.All().OrderBy(a => a.Name, StringComparer.Ordinal).ToList());

    public Task<bool> TryAddAsync(DeskAccount account, CancellationToken cancellationToken = default) =>
        Task.FromResult(accounts.TryInsert(DeskAccount.KeyOf(account.Name), account));

    public Task UpdateAsync(DeskAccount account, CancellationToken cancellationToken = default)
    {
        accounts.Upsert(DeskAccount.KeyOf(account.Name), account);
        return Task.CompletedTask;
    }
}
