namespace WeComHelpBot.Bench;

/// <summary>
/// Several server processes on one PostgreSQL database, each on its own loopback port and data folder (what is still
/// kept in the LiteDB file stays per process). One can be killed with SIGKILL and started again on the same port and
/// folder, as a supervisor would restart a crashed server; the logs of every incarnation are kept for the check.
/// </summary>
public sealed class ServerFarm : IAsyncDisposable
{
    private readonly string serverDll;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly int[] ports;
    private readonly string[] dataDirectories;
    private readonly ServerProcess[] servers;
    private readonly List<ServerProcess> ended = [];

    private ServerFarm(string serverDll, IReadOnlyDictionary<string, string> settings, int processes)
    {
        this.serverDll = serverDll;
        this.settings = settings;
        ports = new int[processes];
        dataDirectories = new string[processes];
        servers = new ServerProcess[processes];
        for (var i = 0; i < processes; i++)
        {
            ports[i] = ServerProcess.FreePort();
            dataDirectories[i] = Directory.CreateTempSubdirectory($"wecomhelpbot-bench-farm-{i}-").FullName;
            servers[i] = ServerProcess.StartOn(serverDll, settings, ports[i], dataDirectories[i]);
        }
    }

    public int Count => servers.Length;

    /// <summary>The running incarnation of server <paramref name="index"/>.</summary>
    public ServerProcess this[int index] => servers[index];

    /// <summary>Every incarnation's console output, the killed ones first.</summary>
    public IReadOnlyList<string> Log => [.. ended.Concat(servers).SelectMany(server => server.Log)];

    /// <summary>Starts <paramref name="processes"/> servers with the same settings (Storage:Provider=Postgres and its connection string among them).</summary>
    public static ServerFarm Start(string serverDll, int processes, IReadOnlyDictionary<string, string> settings) =>
        processes >= 1 ? new ServerFarm(serverDll, settings, processes) : throw new ArgumentOutOfRangeException(nameof(processes), "at least one server process");

    /// <summary>CPU time the running servers have used so far (a killed incarnation's time is not counted).</summary>
    public TimeSpan CpuTime() => servers.Aggregate(TimeSpan.Zero, (sum, server) => sum + server.CpuTime());

    /// <summary>Kills server <paramref name="index"/> with SIGKILL and starts it again on the same port and data folder.</summary>
    public async Task<ServerProcess> KillAndRestartAsync(int index)
    {
        var killed = servers[index];
        await killed.KillAsync();
        ended.Add(killed);
        servers[index] = ServerProcess.StartOn(serverDll, settings, ports[index], dataDirectories[index]);
        return servers[index];
    }

    /// <summary>Stops every server gracefully (SIGTERM); returns their exit codes.</summary>
    public async Task<int[]> StopAsync(TimeSpan timeout) =>
        await Task.WhenAll(servers.Select(server => server.StopAsync(timeout)));

    public async ValueTask DisposeAsync()
    {
        foreach (var server in ended.Concat(servers))
        {
            await server.DisposeAsync();
        }

        foreach (var directory in dataDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
