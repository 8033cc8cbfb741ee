using System.Net.Sockets;
using System.Net;
using System.Text;

namespace WeComHelpBot.Tests.Members;

/// <summary>
/// A minimal HTTP server on 127.0.0.1 for download tests: /ok.csv answers a small member file, /endless.csv streams
/// without end (stopped after 64 MB or when the client leaves), /silent.csv never answers, /redirect.csv points at /ok.csv.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    public const string OkCsv = "姓名,手机,部门\n张三,13812345678,销售部\n李四,13812345678,财务部\n";

    private const long MaxStreamed = 64L * 1024 * 1024;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private int connections;

    public LoopbackFileServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                Interlocked.Increment(ref connections);
                _ = ServeAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestLineAsync(stream);
            var path = request.Split(' ').ElementAtOrDefault(1) ?? "/";
            switch (path)
            {
                case "/ok.csv":
                    var body = Encoding.UTF8.GetBytes(OkCsv);
                    await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(body, stopping.Token);
                    break;
                case "/endless.csv":
                    await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nConnection: close\r\n\r\n");
                    var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("张三,13812345678,销售部\n", 2048)));
                    for (long sent = 0; sent < MaxStreamed; sent += chunk.Length)
                    {
                        await stream.WriteAsync(chunk, stopping.Token);
                    }

                    break;
                case "/silent.csv":
                    await Task.Delay(TimeSpan.FromMinutes(1), stopping.Token);
                    break;
                default:
                    await WriteAsync(stream, "HTTP/1.1 302 Found\r\nLocation: /ok.csv\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client hung up (as a download stopped at its limit does) or the server stopped.
        }
    }

    private async Task<string> ReadRequestLineAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16 * 1024)
        {
            var read = await stream.ReadAsync(buffer, stopping.Token);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString().Split("\r\n")[0];
    }

    private Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), stopping.Token).AsTask();
}
