using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// The built server as a real child process on a free loopback port, for what an in-memory server cannot show: the
/// exit code, what it prints before it stops, and how it answers SIGTERM. Killed on dispose if still running.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly List<string> output = [];
    private readonly List<string> error = [];

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (error)
            {
                return error.ToList();
            }
        }
    }

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (output)
            {
                return output.ToList();
            }
        }
    }

    /// <summary>Starts WeComHelpBot.Server.dll from the test's output folder with the shipped content and these settings.</summary>
    public static ServerProcess Start(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = LoopbackPorts.Unused();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "WeComHelpBot.Server.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Directory"] = dataDirectory;
        start.Environment["Knowledge__Directory"] = Path.Combine(RepositoryPaths.Root, "knowledge");
        start.Environment["Dialogs__Directory"] = Path.Combine(RepositoryPaths.Root, "dialogs");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => Append(server.output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(server.error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until /healthz answers 200 (true), or the process ends or <paramref name="timeout"/> passes (false).</summary>
    public async Task<bool> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Waits for the process to end by itself; true when it did within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM and returns how long the process took to end, or null when it did not within <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        _ = Kill(process.Id, SigTerm);
        return await WaitForExitAsync(timeout) ? Stopwatch.GetElapsedTime(started) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Append(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
