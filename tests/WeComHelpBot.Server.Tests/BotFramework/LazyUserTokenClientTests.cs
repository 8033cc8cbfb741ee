using Microsoft.Bot.Connector.Authentication;
using WeComHelpBot.Server.BotFramework;

namespace WeComHelpBot.Server.Tests.BotFramework;

public sealed class LazyUserTokenClientTests
{
    private readonly List<FakeUserTokenClient> created = [];

    private LazyUserTokenClient CreateLazy() => new(_ =>
    {
        var client = new FakeUserTokenClient();
        created.Add(client);
        return Task.FromResult<UserTokenClient>(client);
    });

    [Fact]
    public void ATurnThatNeverSignsAUserIn_BuildsNoClient()
    {
        var lazy = CreateLazy();

        lazy.Dispose();

        Assert.Empty(created);
    }

    [Fact]
    public async Task TheFirstCall_BuildsTheClient_AndLaterCallsReuseIt()
    {
        using var lazy = CreateLazy();

        var token = await lazy.GetUserTokenAsync("user-1", "aad", "msteams", string.Empty, CancellationToken.None);
        var statuses = await lazy.GetTokenStatusAsync("user-1", "msteams", string.Empty, CancellationToken.None);

        Assert.Equal("token-user-1", token.Token);
        Assert.Empty(statuses);
        Assert.Single(created);
    }

    [Fact]
    public async Task DisposingTheTurnsClient_DisposesTheBuiltOne_AndRefusesFurtherCalls()
    {
        var lazy = CreateLazy();
        await lazy.SignOutUserAsync("user-1", "aad", "msteams", CancellationToken.None);

        lazy.Dispose();

        Assert.True(Assert.Single(created).IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => lazy.SignOutUserAsync("user-1", "aad", "msteams", CancellationToken.None));
        Assert.Single(created);
    }
}
