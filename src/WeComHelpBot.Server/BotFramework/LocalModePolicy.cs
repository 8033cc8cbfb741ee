using System.Net;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// What /api/messages accepts when no MicrosoftAppId is set and nothing authenticates the caller: clients on loopback
/// or in <see cref="BotFrameworkOptions.LocalNetworks"/>, and replies sent only to <see cref="BotFrameworkOptions.AllowedServiceUrls"/>
/// (or returned in the response with deliveryMode "expectReplies"). With an app id the Bot Framework token decides
/// instead, and its serviceurl claim pins the serviceUrl. The settings are read once; an unreadable one stops the server.
/// </summary>
public sealed class LocalModePolicy
{
    private readonly IReadOnlyList<IPNetwork> networks;
    private readonly HashSet<string> serviceUrlOrigins;

    /// <exception cref="OptionsValidationException">A network or an origin in the settings cannot be read.</exception>
    public LocalModePolicy(IConfiguration configuration, IOptions<BotFrameworkOptions> options)
    {
        IsLocalMode = string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        var failures = new List<string>();
        networks = ReadNetworks(options.Value.LocalNetworks, failures);
        serviceUrlOrigins = ReadOrigins(options.Value.AllowedServiceUrls, failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(BotFrameworkOptions.SectionName, typeof(BotFrameworkOptions), failures);
        }
    }

    /// <summary>No MicrosoftAppId: requests are not authenticated, so this policy applies.</summary>
    public bool IsLocalMode { get; }

    /// <summary>
    /// Whether the client may post in local mode: the connection's address and every address a proxy says it forwarded
    /// for (X-Forwarded-For, X-Real-IP, Forwarded) must be loopback or in a local network. A request with no address
    /// (the in-process test server, a Unix socket, reachable only by who may open the file) counts as local.
    /// </summary>
    public bool IsClientAllowed(HttpRequest request)
    {
        var remote = request.HttpContext.Connection.RemoteIpAddress;
        if (remote is not null && !IsLocal(remote))
        {
            return false;
        }

        // A reverse proxy on this machine makes every client look like loopback; what it forwarded for is the client.
        // An address that cannot be read (unknown, an obfuscated name) could be anyone.
        foreach (var value in request.Headers["X-Forwarded-For"].Concat(request.Headers["X-Real-IP"]))
        {
            foreach (var item in (value ?? string.Empty).Split(','))
            {
                if (!TryReadAddress(item, out var address) || !IsLocal(address))
                {
                    return false;
                }
            }
        }

        foreach (var value in request.Headers["Forwarded"])
        {
            foreach (var element in (value ?? string.Empty).Split(','))
            {
                foreach (var pair in element.Split(';'))
                {
                    var equals = pair.IndexOf('=');
                    if (equals > 0 && pair[..equals].Trim().Equals("for", StringComparison.OrdinalIgnoreCase)
                        && (!TryReadAddress(pair[(equals + 1)..].Trim().Trim('"'), out var address) || !IsLocal(address)))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Whether replies may be sent to <paramref name="serviceUrl"/> in local mode: its origin is in the allowed list.</summary>
    public bool IsServiceUrlAllowed(Uri serviceUrl) => serviceUrlOrigins.Contains(Origin(serviceUrl));

    private bool IsLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadAddress(string text, out IPAddress address)
    {
        // "1.2.3.4", "1.2.3.4:5678", "2001:db8::1" or "[2001:db8::1]:443".
        if (IPEndPoint.TryParse(text.Trim(), out var endPoint))
        {
            address = endPoint.Address;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    private static List<IPNetwork> ReadNetworks(IEnumerable<string?> settings, List<string> failures)
    {
        var read = new List<IPNetwork>();
        foreach (var setting in settings)
        {
            var text = setting?.Trim() ?? string.Empty;
            var slash = text.IndexOf('/', StringComparison.Ordinal);

            // IPNetwork clears host bits silently; 10.1.0.0/8 is more likely a typo for /16 than a wish for all of 10/8.
            if (slash > 0 && IPNetwork.TryParse(text, out var network)
                && IPAddress.TryParse(text[..slash], out var given) && given.Equals(network.BaseAddress))
            {
                read.Add(network);
            }
            else if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single))
            {
                single = single.IsIPv4MappedToIPv6 ? single.MapToIPv4() : single;
                read.Add(new IPNetwork(single, single.GetAddressBytes().Length * 8));
            }
            else
            {
                failures.Add($"{BotFrameworkOptions.SectionName}:{nameof(BotFrameworkOptions.LocalNetworks)}: \"{text}\" is not an address or a network such as 10.0.0.0/8 (with the host bits zero).");
            }
        }

        return read;
    }

    private static HashSet<string> ReadOrigins(IEnumerable<string?> settings, List<string> failures)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var text = setting?.Trim() ?? string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.UserInfo.Length == 0)
            {
                read.Add(Origin(uri));
            }
            else
            {
                failures.Add($"{BotFrameworkOptions.SectionName}:{nameof(BotFrameworkOptions.AllowedServiceUrls)}: \"{text}\" is not an origin such as https://channel.example.com or http://localhost:50123.");
            }
        }

        return read;
    }

    private static string Origin(Uri uri) => $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
}
