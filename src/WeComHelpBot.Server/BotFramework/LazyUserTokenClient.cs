using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// The UserTokenClient of one turn, built on its first call. CloudAdapterBase builds one for every turn in case the bot
/// signs a user in (OAuthPrompt); this bot never does, and building it (credentials and an OAuthClient) cost about 4%
/// of the server's CPU under load.
/// </summary>
internal sealed class LazyUserTokenClient(Func<CancellationToken, Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lock gate = new();
    private UserTokenClient? inner;
    private bool disposed;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        UserTokenClient? created;
        lock (gate)
        {
            disposed = true;
            created = inner;
            inner = null;
        }

        created?.Dispose();
        base.Dispose(disposing);
    }

    private async Task<UserTokenClient> InnerAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (inner is not null)
            {
                return inner;
            }
        }

        var created = await create(cancellationToken).ConfigureAwait(false);
        UserTokenClient? kept;
        lock (gate)
        {
            kept = disposed ? null : inner ??= created;
        }

        if (!ReferenceEquals(kept, created))
        {
            // A concurrent call built one first, or the turn ended meanwhile.
            created.Dispose();
        }

        return kept ?? throw new ObjectDisposedException(nameof(LazyUserTokenClient));
    }
}
