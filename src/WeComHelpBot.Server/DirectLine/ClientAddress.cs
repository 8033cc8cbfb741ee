using System.Net;
using System.Net.Sockets;

namespace WeComHelpBot.Server.DirectLine;

/// <summary>
/// Whom a request is counted against: its IPv4 address, or the /64 network of an IPv6 one (one host usually owns a
/// whole /64, so counting single IPv6 addresses would give it billions of shares). Behind a reverse proxy this is the
/// proxy unless the forwarded-headers middleware is set up to trust it.
/// </summary>
public static class ClientAddress
{
    public static string KeyOf(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            // The in-memory test server and Unix sockets have no peer address; they are one local client.
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
