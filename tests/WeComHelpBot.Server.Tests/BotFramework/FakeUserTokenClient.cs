using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Server.Tests.BotFramework;

/// <summary>A user-token client that answers every user with the token "token-{userId}" and records its disposal.</summary>
internal sealed class FakeUserTokenClient : UserTokenClient
{
    public bool IsDisposed { get; private set; }

    public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        Task.FromResult(new TokenResponse(channelId, connectionName, $"token-{userId}"));

    public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        Task.FromResult(new SignInResource($"https://signin.test/{connectionName}"));

    public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        Task.FromResult(Array.Empty<TokenStatus>());

    public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(new Dictionary<string, TokenResponse>());

    public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        GetUserTokenAsync(userId, connectionName, channelId, string.Empty, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
