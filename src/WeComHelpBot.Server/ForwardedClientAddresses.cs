using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WeComHelpBot.Server;

/// <summary>
/// Behind a reverse proxy (deploy/nginx-wecomhelpbot.conf) every connection comes from the proxy; its X-Forwarded-For
/// names the client. That header is believed only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), and always from loopback, where deploy/ puts nginx.
/// Anyone else who sends the header is counted as the address they connect from.
/// </summary>
public static class ForwardedClientAddresses
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddForwardedClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = Read(section, "KnownProxies").Select(text => IPAddress.TryParse(text, out var address) ? address : throw Unreadable("KnownProxies", text)).ToList();
        var networks = Read(section, "KnownNetworks").Select(text => System.Net.IPNetwork.TryParse(text, out var network) ? network : throw Unreadable("KnownNetworks", text)).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The defaults already trust 127.0.0.0/8 and ::1.
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    private static IEnumerable<string> Read(IConfigurationSection section, string key) =>
        section.GetSection(key).GetChildren().Select(item => item.Value?.Trim() ?? string.Empty);

    private static InvalidOperationException Unreadable(string key, string text) =>
        new($"{SectionName}:{key}: \"{text}\" 不是有效的地址或网段（例如 10.0.0.5 或 10.0.0.0/8）。");
}
