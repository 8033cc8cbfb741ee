using System.Net;
using System.Net.Sockets;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// A loopback TCP relay to another address, for losing a database under a running server without touching the
/// database server itself (it is shared): <see cref="Cut"/> closes every relayed connection and refuses new ones,
/// as a lost network or a stopped server looks from the client.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> connections = [];

    public TcpRelay(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Closes every relayed connection and stops listening, so new connections are refused.</summary>
    public void Cut()
    {
        stopping.Cancel();
        listener.Stop();
        lock (connections)
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    public void Dispose()
    {
        Cut();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (connections)
        {
            connections.Add(client);
            connections.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, stopping.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, stopping.Token), up.CopyToAsync(down, stopping.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Cut, or one side closed: both sides are closed below.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
