using System.Diagnostics;
using System.Security.Cryptography;

namespace WeComHelpBot.Bench;

/// <summary>
/// Our server with its default settings and the JavaScript Bot Framework peer (shared/peers/js-botbuilder), one after the
/// other on this machine, under the same load from the same generator: N concurrent conversations, each one keep-alive
/// client sending its bot's own conversation turn after turn with deliveryMode "expectReplies", every reply checked.
/// Each server gets the same warm-up, then the same number of measured turns; prints both rows and the ratio.
/// </summary>
public static class VersusBenchmark
{
    /// <summary>The issue #14 target: default settings at least this many times the peer's throughput…</summary>
    public const double TargetRatio = 2.0;

    /// <summary>…with p99 at most this many milliseconds.</summary>
    public const double TargetP99Ms = 50.0;

    private const string PeerFolder = "js-botbuilder";

    public static async Task<int> RunAsync(string? peerDirectory, int conversations, int turnsPerConversation, TimeSpan warmUp, TextWriter output, CancellationToken cancellationToken)
    {
        var peerSource = peerDirectory ?? FindPeer();
        var peer = await PreparePeerAsync(peerSource, output, cancellationToken);
        output.WriteLine($"versus: {conversations} conversations, {warmUp.TotalSeconds:0} s warm-up each, then {conversations * turnsPerConversation} measured turns each; load average {LoadAverage()}");
        output.WriteLine();

        // Ours first, with nothing set but where its temporary data folder is: the defaults an installation gets.
        LoadResult ours;
        double ourCpu;
        int ourProblems;
        await using (var server = ServerProcess.Start(ServerProcess.FindServerDll(), new Dictionary<string, string>()))
        {
            using var http = HttpBenchmark.CreateClient(server.BaseAddress, conversations);
            var client = new BotFrameworkClient(http);
            var sent = new Dictionary<string, int>(StringComparer.Ordinal);
            await HttpBenchmark.FirstAnswerAsync(client, server, sent, cancellationToken);
            (ours, ourCpu) = await MeasureAsync("WeComHelpBot.Server, default settings", server, client, HttpBenchmark.Mix, conversations, turnsPerConversation, warmUp, sent, output, cancellationToken);
            await server.StopAsync(TimeSpan.FromSeconds(20));
            var stateProblems = StateCheck.Verify(server.DatabaseFile, client.ChannelId, sent);
            var logProblems = ServerLog.Problems(server.Log);
            ourProblems = stateProblems.Count + logProblems.Count;
            output.WriteLine($"  peak RSS {server.PeakRssKb / 1024.0:0} MB; state check {sent.Count} conversations, {stateProblems.Count} mismatches; server log {logProblems.Count} errors or exceptions");
            foreach (var problem in stateProblems.Concat(logProblems).Take(5))
            {
                output.WriteLine($"    {problem}");
            }
        }

        LoadResult theirs;
        double theirCpu;
        await using (var server = ServerProcess.StartOther("node", ["server.js"], peer, "PORT"))
        {
            using var http = HttpBenchmark.CreateClient(server.BaseAddress, conversations);
            var client = new PeerBotClient(http);
            await WaitForPeerAsync(http, server, cancellationToken);
            var texts = PeerBotClient.Script.Select(step => step.Text).ToArray();
            (theirs, theirCpu) = await MeasureAsync("JavaScript peer (botbuilder 4.23, restify, MemoryStorage)", server, client, texts, conversations, turnsPerConversation, warmUp, sent: null, output, cancellationToken);
            await server.StopAsync(TimeSpan.FromSeconds(10));
            output.WriteLine($"  peak RSS {server.PeakRssKb / 1024.0:0} MB");
        }

        var ratio = ours.TurnsPerSecond / Math.Max(1, theirs.TurnsPerSecond);
        var ourP99 = ours.Latency.Percentile(99);
        output.WriteLine();
        output.WriteLine($"| server | turns | turns/s | p50 | p99 | max | errors |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(Row("WeComHelpBot.Server, default settings", ours));
        output.WriteLine(Row("JavaScript peer", theirs));
        output.WriteLine();
        output.WriteLine(
            $"ratio {ratio:0.00}× (target ≥ {TargetRatio:0.0}×: {(ratio >= TargetRatio ? "met" : "not met")}); " +
            $"our p99 {ourP99:0.00} ms (target ≤ {TargetP99Ms:0} ms: {(ourP99 <= TargetP99Ms ? "met" : "not met")}); load average {LoadAverage()}");

        // On a machine others are loading, throughput measures the share of CPU each server got; CPU per turn does not.
        output.WriteLine($"server CPU per turn: ours {ourCpu:0.00} ms, the peer's {theirCpu:0.00} ms ({theirCpu / Math.Max(0.001, ourCpu):0.00}× less for ours)");

        // Exit 1 only for what the run itself got wrong; a missed target on a busy machine is a figure, not a failure.
        return ours.Errors.Count + theirs.Errors.Count + ourProblems == 0 ? 0 : 1;
    }

    private static async Task<(LoadResult Result, double CpuPerTurnMs)> MeasureAsync(
        string title, ServerProcess server, IBenchChannel client, string[] messages, int conversations, int turnsPerConversation, TimeSpan warmUp,
        Dictionary<string, int>? sent, TextWriter output, CancellationToken cancellationToken)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var warm = await PhaseAsync($"{prefix}-warm", int.MaxValue, warmUp);
        var cpuBefore = server.CpuTime();
        var measured = await PhaseAsync($"{prefix}-many", turnsPerConversation, TimeSpan.FromSeconds(300));
        var cpuPerTurn = (server.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, measured.Turns);
        output.WriteLine(
            $"{title}: warm-up {warm.Turns} turns ({warm.TurnsPerSecond:0}/s, {warm.Errors.Count} errors); measured {measured.Turns} turns, " +
            $"{measured.TurnsPerSecond:0} turns/s, p50 {measured.Latency.Percentile(50):0.00} ms, p99 {measured.Latency.Percentile(99):0.00} ms, " +
            $"{measured.Errors.Count} errors, server CPU {cpuPerTurn:0.00} ms per turn");
        foreach (var error in warm.Errors.Concat(measured.Errors).Take(5))
        {
            output.WriteLine($"    {error}");
        }

        return (new LoadResult(measured.LatencyByKind, measured.SentPerConversation, [.. warm.Errors, .. measured.Errors], measured.Elapsed), cpuPerTurn);

        async Task<LoadResult> PhaseAsync(string name, int turns, TimeSpan limit)
        {
            var result = await LoadRunner.RunAsync(
                conversations,
                turns,
                limit,
                (c, i, ct) => client.SendAsync($"{name}-{c}", messages[i % messages.Length], ct),
                cancellationToken,
                kinds: messages.Length);
            if (sent is not null)
            {
                for (var c = 0; c < conversations; c++)
                {
                    sent[client.ConversationId($"{name}-{c}")] = result.SentPerConversation[c];
                }
            }

            return result;
        }
    }

    private static string Row(string name, LoadResult result) =>
        $"| {name} | {result.Turns} | {result.TurnsPerSecond:0} | {result.Latency.Percentile(50):0.00} ms | {result.Latency.Percentile(99):0.00} ms | {result.Latency.Percentile(100):0.00} ms | {result.Errors.Count} |";

    /// <summary>shared/peers/js-botbuilder beside the repository, or beside one of its parent folders (a work tree).</summary>
    private static string FindPeer()
    {
        for (var dir = new DirectoryInfo(Bot.ContentLocator.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "peers", PeerFolder);
            if (File.Exists(Path.Combine(candidate, "server.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"shared/peers/{PeerFolder} not found above {Bot.ContentLocator.Root}; pass --peer DIR");
    }

    /// <summary>
    /// A copy of the peer in the temporary folder with its npm packages installed (`npm ci`, once per package-lock.json):
    /// shared/ is read-only, and the peer is never part of our build.
    /// </summary>
    private static async Task<string> PreparePeerAsync(string source, TextWriter output, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(source, "package-lock.json");
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lockFile, cancellationToken)))[..12];
        var copy = Path.Combine(Path.GetTempPath(), $"wecomhelpbot-peer-{PeerFolder}-{hash}");
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(Directory.CreateDirectory(copy).FullName, Path.GetFileName(file)), overwrite: true);
        }

        if (!Directory.Exists(Path.Combine(copy, "node_modules", "botbuilder-dialogs")) || !Directory.Exists(Path.Combine(copy, "node_modules", "restify")))
        {
            output.WriteLine($"peer: npm ci in {copy}");
            var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = copy, UseShellExecute = false })
                ?? throw new InvalidOperationException("could not start npm");
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {copy} (exit {npm.ExitCode})");
            }
        }

        return copy;
    }

    private static async Task WaitForPeerAsync(HttpClient http, ServerProcess server, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("healthz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"the peer did not answer /healthz within 30 s: {string.Join(" | ", server.Log.TakeLast(5))}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
