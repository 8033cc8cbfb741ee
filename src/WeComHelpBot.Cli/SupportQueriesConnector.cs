using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Analytics;
using WeComHelpBot.Bot;
using WeComHelpBot.LocalAccess;
using WeComHelpBot.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli;

/// <summary>
/// Chooses where tickets, stats and kb gaps read from: the server that announced itself in the data folder's
/// server.json (it holds the database file, which this process then cannot open), or the file itself when no server
/// answers there (none runs, or it stopped without cleaning up).
/// </summary>
public static class SupportQueriesConnector
{
    /// <summary>How long a command waits for the server before it gives up; a local call answers in milliseconds.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns the queries to use; the caller disposes the result when it is <see cref="IDisposable"/>. Throws <see cref="StorageUnavailableException"/>.</summary>
    public static async Task<ISupportQueries> ConnectAsync(BotPaths paths, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (LocalServerFile.TryRead(paths.DataDirectory) is { } info && await TryReachAsync(info, paths, cancellationToken) is { } client)
        {
            return new ServerSupportQueries(client);
        }

        return ActivatorUtilities.CreateInstance<StoreSupportQueries>(services);
    }

    private static async Task<HttpClient?> TryReachAsync(LocalServerInfo info, BotPaths paths, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(info.Url, UriKind.Absolute, out var baseAddress) || !IsLoopback(baseAddress))
        {
            // The token goes only to this machine, whatever the file says.
            return null;
        }

        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout };
        client.DefaultRequestHeaders.Add(LocalAccessToken.HeaderName, info.Token);
        try
        {
            using var response = await client.GetAsync(LocalSupportApi.Info, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new StorageUnavailableException(
                    Path.GetFullPath(paths.DatabaseFile),
                    $"服务器拒绝了 {LocalServerFile.PathIn(paths.DataDirectory)} 里的访问令牌；请用运行服务器的同一个系统用户执行本命令");
            }

            if (response.IsSuccessStatusCode
                && await response.Content.ReadFromJsonAsync<ServerDatabase>(LocalSupportApi.JsonOptions, cancellationToken) is { } served
                && string.Equals(Path.GetFullPath(served.DatabaseFile), Path.GetFullPath(paths.DatabaseFile), StringComparison.Ordinal))
            {
                return client;
            }
        }
        catch (HttpRequestException)
        {
            // Nothing listens there any more: a server that stopped without removing server.json.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        client.Dispose();
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    private sealed record ServerDatabase(string DatabaseFile);
}
