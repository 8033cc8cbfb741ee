using System.Net;
using System.Net.Sockets;

namespace WeComHelpBot.Tests.Support;

/// <summary>Loopback ports for tests (linked into the CLI and server test projects too).</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A loopback port nothing listens on right now: free for a server to take, and refused at once to a client (the
    /// listener that found it is stopped before returning).
    /// </summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
