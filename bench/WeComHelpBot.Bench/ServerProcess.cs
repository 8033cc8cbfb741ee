using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WeComHelpBot.Bench;

/// <summary>
/// The built server (WeComHelpBot.Server.dll) as a child process on a free 127.0.0.1 port, with its own temporary
/// data folder and settings passed as environment variables. Samples its resident memory from /proc while it runs;
/// stops it with SIGTERM (a graceful shutdown, so LiteDB closes the file) and keeps its console output. The scale-out
/// runs also start it on a given port and data folder and kill it with SIGKILL (a crash), to start it again there.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    private readonly Process process;
    private readonly List<string> log = [];
    private readonly CancellationTokenSource sampling = new();
    private readonly Task sampler;
    private long peakRssKb;
    private bool ownsDataDirectory = true;

    private ServerProcess(Process process, Uri baseAddress, string dataDirectory, long startTimestamp)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        StartTimestamp = startTimestamp;
        sampler = SampleAsync(sampling.Token);
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "wecomhelpbot.db");

    /// <summary>When the process was started (Stopwatch timestamp), for start-up time.</summary>
    public long StartTimestamp { get; }

    public int ProcessId => process.Id;

    /// <summary>Highest resident set size seen (the kernel's VmHWM, read last before the process ends).</summary>
    public long PeakRssKb => Interlocked.Read(ref peakRssKb);

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (log)
            {
                return log.ToList();
            }
        }
    }

    public static string FindServerDll() => FindBuiltDll("src", "WeComHelpBot.Server");

    /// <summary>The Release build of project <paramref name="project"/> under the repository folder <paramref name="folder"/>.</summary>
    public static string FindBuiltDll(string folder, string project)
    {
        var root = Bot.ContentLocator.Find(folder);
        var dll = Path.Combine(root, project, "bin", "Release", "net10.0", project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build it first: dotnet build -c Release {folder}/{project} ({dll} not found)");
    }

    public static ServerProcess Start(string serverDll, IReadOnlyDictionary<string, string> settings) =>
        Start(serverDll, settings, FreePort(), Directory.CreateTempSubdirectory("wecomhelpbot-bench-server-").FullName);

    /// <summary>
    /// The server on <paramref name="port"/> with <paramref name="data"/> as its data folder, which the caller owns (it
    /// is not deleted on dispose): a server killed mid-run is started again on the same port and folder.
    /// </summary>
    public static ServerProcess StartOn(string serverDll, IReadOnlyDictionary<string, string> settings, int port, string data)
    {
        var server = Start(serverDll, settings, port, data);
        server.ownsDataDirectory = false;
        return server;
    }

    private static ServerProcess Start(string serverDll, IReadOnlyDictionary<string, string> settings, int port, string data)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serverDll },
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__Directory"] = data;
        start.Environment["Knowledge__Directory"] = Bot.ContentLocator.Find("knowledge");
        start.Environment["Dialogs__Directory"] = Bot.ContentLocator.Find("dialogs");
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return Launch(start, port, data);
    }

    /// <summary>
    /// Any other server (the JavaScript peer) as a child process in <paramref name="workingDirectory"/>, told its free
    /// 127.0.0.1 port in the environment variable <paramref name="portVariable"/>; sampled and stopped like ours.
    /// </summary>
    public static ServerProcess StartOther(string fileName, IEnumerable<string> arguments, string workingDirectory, string portVariable)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("wecomhelpbot-bench-other-").FullName;
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[portVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Launch(start, port, data);
    }

    private static ServerProcess Launch(ProcessStartInfo start, int port, string data)
    {
        var timestamp = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), data, timestamp);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Stops the server gracefully (SIGTERM), or kills it after <paramref name="timeout"/>; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            UpdatePeak();
            _ = Kill(process.Id, SigTerm);
            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                Append("[bench] server did not stop within the timeout and was killed");
            }
        }

        await sampling.CancelAsync();
        await sampler;
        return process.ExitCode;
    }

    /// <summary>Kills the server with SIGKILL, as a crash would: no shutdown code runs, open connections just close.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, SigKill);
            await process.WaitForExitAsync(CancellationToken.None);
            Append("[bench] server killed with SIGKILL");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        sampling.Dispose();
        if (!ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Add(line);
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                UpdatePeak();
                await Task.Delay(100, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the run.
        }
    }

    private void UpdatePeak()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    long current;
                    while (kb > (current = Interlocked.Read(ref peakRssKb)) && Interlocked.CompareExchange(ref peakRssKb, kb, current) != current)
                    {
                    }
                }
            }
        }
        catch (IOException)
        {
            // The process has ended.
        }
    }

    /// <summary>CPU time the server has used so far (user + system, from /proc/PID/stat), for CPU per turn.</summary>
    public TimeSpan CpuTime() => CpuTimeOf(process.Id) ?? TimeSpan.Zero;

    /// <summary>CPU time process <paramref name="pid"/> has used so far, or null when it has ended.</summary>
    public static TimeSpan? CpuTimeOf(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // Fields 14 and 15 of the file (utime, stime) are 12 and 13 after the command name; clock ticks of 1/100 s.
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
