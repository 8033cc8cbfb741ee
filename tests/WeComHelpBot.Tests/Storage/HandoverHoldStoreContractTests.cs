using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

/// <summary><see cref="IHandoverHoldStore"/> behaviour, run against LiteDB and PostgreSQL.</summary>
public abstract class HandoverHoldStoreContractTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private IHandoverHoldStore? store;

    protected IHandoverHoldStore Store => store ??= CreateStore();

    protected abstract IHandoverHoldStore CreateStore();

    [SkippableFact]
    public async Task Save_ThenFind_ThenRemove()
    {
        Assert.Null(await Store.FindAsync("webchat:c1"));

        await Store.SaveAsync(new HandoverHold("webchat:c1", "T20261125-0001", "xiaoli", Since));
        await Store.SaveAsync(new HandoverHold("webchat:c1", "T20261125-0001", "xiaoli", Since) { UserTold = true });

        Assert.Equal(new HandoverHold("webchat:c1", "T20261125-0001", "xiaoli", Since) { UserTold = true }, await Store.FindAsync("webchat:c1"));
        Assert.Null(await Store.FindAsync("webchat:c2"));

        await Store.RemoveAsync("webchat:c1");
        await Store.RemoveAsync("never-held");

        Assert.Null(await Store.FindAsync("webchat:c1"));
    }

    [SkippableFact]
    public async Task AConversationIdWithANul_IsStillAKey()
    {
        const string odd = "webchat:c\0";

        Assert.Null(await Store.FindAsync(odd));
        await Store.SaveAsync(new HandoverHold(odd, "T20261125-0001", "xiaoli", Since));

        Assert.Equal("xiaoli", (await Store.FindAsync(odd))?.Agent);
        await Store.RemoveAsync(odd);
        Assert.Null(await Store.FindAsync(odd));
    }
}
