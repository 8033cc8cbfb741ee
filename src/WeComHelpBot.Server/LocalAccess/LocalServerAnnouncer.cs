using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.LocalAccess;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Server.LocalAccess;

/// <summary>
/// When this server holds the database file alone (Storage:Connection=Direct), writes server.json into the data folder
/// once it listens, so `wecomhelp tickets|stats|kb gaps` ask it instead of the file they cannot open, and deletes it
/// on a clean stop. A server that does not listen on a loopback-reachable http address announces nothing.
/// </summary>
public sealed partial class LocalServerAnnouncer(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<StorageOptions> storage,
    BotPaths paths,
    LocalAccessEndpoints endpoints,
    ILogger<LocalServerAnnouncer> logger) : IHostedService
{
    private bool announced;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Connection == LiteDB.ConnectionType.Direct)
        {
            // The addresses are known only once Kestrel listens, after every hosted service has started.
            lifetime.ApplicationStarted.Register(Announce);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (announced)
        {
            LocalServerFile.DeleteIfOwn(paths.DataDirectory, endpoints.Token);
        }

        return Task.CompletedTask;
    }

    /// <summary>The loopback URL that reaches a listening address: a wildcard or loopback http address, else null.</summary>
    public static string? LoopbackUrl(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(address.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue;
            }

            var host = uri.Host switch
            {
                "wildcard" or "0.0.0.0" or "127.0.0.1" or "localhost" => "127.0.0.1",
                "[::]" or "[::1]" => "[::1]",
                _ => null,
            };
            if (host is not null)
            {
                return $"http://{host}:{uri.Port}";
            }
        }

        return null;
    }

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            // An in-memory host (tests) has no sockets: nothing to announce, nothing to warn about.
            return;
        }

        if (LoopbackUrl(addresses) is not { } url)
        {
            LogNoLoopback(logger);
            return;
        }

        try
        {
            LocalServerFile.Write(paths.DataDirectory, new LocalServerInfo(url, endpoints.Token, Environment.ProcessId, Path.GetFullPath(paths.DatabaseFile)));
            announced = true;
            LogAnnounced(logger, url);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Support commands on this machine reach the server at {Url} (server.json in the data folder)")]
    private static partial void LogAnnounced(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No loopback http address to announce: wecomhelp tickets|stats|kb gaps cannot reach this server while it holds the database")]
    private static partial void LogNoLoopback(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "server.json could not be written: wecomhelp tickets|stats|kb gaps cannot reach this server while it holds the database")]
    private static partial void LogNotWritten(ILogger logger, Exception exception);
}
