using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

/// <summary><see cref="IDeskAccountStore"/> behaviour, run against LiteDB and PostgreSQL.</summary>
public abstract class DeskAccountStoreContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private IDeskAccountStore? store;

    protected IDeskAccountStore Store => store ??= CreateStore();

    protected abstract IDeskAccountStore CreateStore();

    [SkippableFact]
    public async Task TryAdd_ThenFind_IgnoresCaseAndSurroundingSpaces_AndKeepsTheHash()
    {
        var hash = DeskPasswordHasher.Hash("correct horse");
        Assert.True(await Store.TryAddAsync(new DeskAccount("XiaoLi", DeskRole.Lead, hash, Created)));

        var found = await Store.FindAsync("  xiaoli ");

        Assert.NotNull(found);
        Assert.Equal("XiaoLi", found.Name);
        Assert.Equal(DeskRole.Lead, found.Role);
        Assert.Equal(hash, found.PasswordHash);
        Assert.True(DeskPasswordHasher.Verify("correct horse", found.PasswordHash));
        Assert.Equal(Created, found.CreatedAt);
    }

    [SkippableFact]
    public async Task TryAdd_ANameThatExistsInAnotherCase_IsRefused_AndKeepsTheFirst()
    {
        Assert.True(await Store.TryAddAsync(new DeskAccount("xiaoli", DeskRole.Agent, DeskPasswordHasher.Hash("first-pass"), Created)));

        Assert.False(await Store.TryAddAsync(new DeskAccount("XIAOLI", DeskRole.Lead, DeskPasswordHasher.Hash("second-pass"), Created)));

        var account = Assert.Single(await Store.ListAsync());
        Assert.Equal(DeskRole.Agent, account.Role);
        Assert.True(DeskPasswordHasher.Verify("first-pass", account.PasswordHash));
    }

    [SkippableFact]
    public async Task Update_KeepsLockoutAndDisabledState()
    {
        var account = new DeskAccount("老王", DeskRole.Agent, DeskPasswordHasher.Hash("password1"), Created);
        await Store.TryAddAsync(account);

        var updated = await Store.UpdateAsync("老王", current => current with { FailedSignIns = 3, LockedUntil = Created.AddMinutes(15), LastSignIn = Created, Disabled = true });
        Assert.Equal(3, updated?.FailedSignIns);

        var found = await Store.FindAsync("老王");
        Assert.NotNull(found);
        Assert.Equal(3, found.FailedSignIns);
        Assert.Equal(Created.AddMinutes(15), found.LockedUntil);
        Assert.Equal(Created, found.LastSignIn);
        Assert.True(found.Disabled);
    }

    [SkippableFact]
    public async Task List_IsOrderedByName_AndFindOfAnUnknownNameIsNull()
    {
        foreach (var name in new[] { "zhang", "Anna", "li" })
        {
            await Store.TryAddAsync(new DeskAccount(name, DeskRole.Agent, DeskPasswordHasher.Hash("password1"), Created));
        }

        Assert.Equal(["Anna", "li", "zhang"], (await Store.ListAsync()).Select(a => a.Name));
        Assert.Null(await Store.FindAsync("nobody"));
    }

    [SkippableFact]
    public async Task Update_OfAnUnknownName_ReturnsNull_AndAddsNothing()
    {
        Assert.Null(await Store.UpdateAsync("nobody", current => current with { Disabled = true }));
        Assert.Empty(await Store.ListAsync());
    }

    [SkippableFact]
    public async Task Update_ManyAtOnce_CountsEveryChange()
    {
        var store = Store; // made once, before the threads race
        await store.TryAddAsync(new DeskAccount("xiaoli", DeskRole.Agent, DeskPasswordHasher.Hash("password1"), Created));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            store.UpdateAsync("XiaoLi", current => current with { FailedSignIns = current.FailedSignIns + 1 }))));

        Assert.Equal(20, (await Store.FindAsync("xiaoli"))?.FailedSignIns);
    }
}
