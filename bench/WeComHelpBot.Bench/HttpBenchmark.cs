using System.Diagnostics;
using System.Net;

namespace WeComHelpBot.Bench;

/// <summary>
/// POST /api/messages (expectReplies) against the real server as a child process: start-up to first answer, then a
/// bounded loopback load with 1 and with 64 concurrent conversations, peak memory, and after the server stops, a check
/// that every conversation's saved state and transcript hold exactly the turns it was sent.
/// </summary>
public static class HttpBenchmark
{
    /// <summary>The rotation each conversation sends: answers, a flow walked to its end, an out-of-scope question.</summary>
    public static readonly string[] Mix =
    [
        BenchConversation.KnowledgeQuestion,
        "企业微信最多能加多少人",
        BenchConversation.OutOfScope,
        BenchConversation.FlowTrigger,
        BenchConversation.FlowAnswers[0],
        BenchConversation.FlowAnswers[1],
        "对公打款验证要多久",
        "营业执照上传失败怎么办",
    ];

    public static Task<int> RunAsync(string storage, int resultCacheSize, TimeSpan warmUp, int singleTurns, int turnsPerConversation, int conversations, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync("http /api/messages", CacheSetting(resultCacheSize), http => new BotFrameworkClient(http), storage, warmUp, singleTurns, turnsPerConversation, conversations, output, cancellationToken);

    /// <summary>The server's Knowledge:ResultCacheSize as an environment variable (0 measures retrieval on every turn).</summary>
    public static Dictionary<string, string> CacheSetting(int resultCacheSize) =>
        new() { ["Knowledge__ResultCacheSize"] = resultCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static async Task<int> RunAsync(
        string title,
        IReadOnlyDictionary<string, string> serverSettings,
        Func<HttpClient, IBenchChannel> channelFor,
        string storage,
        TimeSpan warmUp,
        int singleTurns,
        int turnsPerConversation,
        int conversations,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(serverSettings) { ["Storage__Connection"] = storage };
        await using var server = ServerProcess.Start(ServerProcess.FindServerDll(), settings);
        using var http = CreateClient(server.BaseAddress, conversations);
        var client = channelFor(http);
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);

        var startup = await FirstAnswerAsync(client, server, sent, cancellationToken);
        output.WriteLine($"{title}: storage {storage}, server pid {server.ProcessId}, start-up to first answer {startup.TotalSeconds:0.00} s");

        var prefix = Guid.NewGuid().ToString("N")[..8];
        // Full concurrency until the JIT has tiered the hot paths up (under this load that takes 10-15 s, see bench/README.md).
        var warm = await Phase($"{prefix}-warm", conversations, int.MaxValue, warmUp, print: false);
        output.WriteLine(
            $"warm-up, {warmUp.TotalSeconds:0} s at {conversations} conversations from a cold start (not counted below): {warm.Turns} turns, " +
            $"{warm.TurnsPerSecond:0} turns/s, p50 {warm.Latency.Percentile(50):0.00} ms, p99 {warm.Latency.Percentile(99):0.00} ms, {warm.Errors.Count} errors");
        output.WriteLine(TableHeader);
        var single = await Phase($"{prefix}-one", 1, singleTurns, TimeSpan.FromSeconds(60), print: true);
        var many = await Phase($"{prefix}-many", conversations, turnsPerConversation, TimeSpan.FromSeconds(120), print: true);
        WriteByMessage(many, conversations, output);

        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(20));
        output.WriteLine($"server peak RSS (VmHWM) {server.PeakRssKb / 1024.0:0} MB; exit code {exitCode}");
        output.WriteLine(server.Log.LastOrDefault(l => l.Contains("Knowledge result cache:", StringComparison.Ordinal))?.Trim() ?? "Knowledge result cache: no report in the server log");
        var problems = StateCheck.Verify(server.DatabaseFile, client.ChannelId, sent);
        var logProblems = ServerLog.Problems(server.Log);
        output.WriteLine($"state check: {sent.Count} conversations, {sent.Values.Sum()} turns sent, {problems.Count} mismatches; server log: {logProblems.Count} errors or exceptions");
        foreach (var line in server.Log.Where(l => l.Contains("group commit", StringComparison.Ordinal)))
        {
            output.WriteLine($"server: {line.Trim()}");
        }

        foreach (var line in problems.Take(10).Concat(logProblems.Take(10)))
        {
            output.WriteLine($"  {line}");
        }

        var failed = warm.Errors.Count + single.Errors.Count + many.Errors.Count + problems.Count + logProblems.Count;
        return failed == 0 ? 0 : 1;

        async Task<LoadResult> Phase(string name, int count, int turns, TimeSpan limit, bool print)
        {
            var result = await MeasuredPhaseAsync(server, client, name, count, turns, limit, print ? output : TextWriter.Null, cancellationToken);
            for (var c = 0; c < count; c++)
            {
                sent[client.ConversationId($"{name}-{c}")] = result.SentPerConversation[c];
            }

            return result;
        }
    }

    /// <summary>Latency per message of <see cref="Mix"/> in one phase: which turns make the tail.</summary>
    public static void WriteByMessage(LoadResult result, int conversations, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"| message ({conversations} conversations) | turns | p50 | p99 | max |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        for (var k = 0; k < Mix.Length; k++)
        {
            var latency = result.LatencyByKind[k];
            output.WriteLine($"| {Mix[k]} | {latency.Count} | {latency.Percentile(50):0.00} ms | {latency.Percentile(99):0.00} ms | {latency.Percentile(100):0.00} ms |");
        }

        output.WriteLine();
    }

    public const string TableHeader = """
        | conversations | turns | turns/s | p50 | p99 | max | errors | server CPU per turn | load generator CPU per turn |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """;

    /// <summary>
    /// One bounded load phase (<see cref="Mix"/> in turn) and its table row: throughput, latency, errors, and the CPU
    /// time per turn of the server (from /proc) and of this process (the load generator shares the machine's cores).
    /// </summary>
    public static async Task<LoadResult> MeasuredPhaseAsync(ServerProcess server, IBenchChannel client, string name, int count, int turns, TimeSpan limit, TextWriter output, CancellationToken cancellationToken)
    {
        var serverCpuBefore = server.CpuTime();
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await LoadRunner.RunAsync(
            count,
            turns,
            limit,
            (c, i, ct) => client.SendAsync($"{name}-{c}", Mix[i % Mix.Length], ct),
            cancellationToken,
            kinds: Mix.Length);
        var serverCpu = (server.CpuTime() - serverCpuBefore).TotalMilliseconds / Math.Max(1, result.Turns);
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalMilliseconds / Math.Max(1, result.Turns);
        output.WriteLine($"| {count} | {result.Turns} | {result.TurnsPerSecond:0} | {result.Latency.Percentile(50):0.00} ms | {result.Latency.Percentile(99):0.00} ms | {result.Latency.Percentile(100):0.00} ms | {result.Errors.Count} | {serverCpu:0.00} ms | {ownCpu:0.00} ms |");
        foreach (var error in result.Errors.Take(5))
        {
            output.WriteLine($"  {error}");
        }

        return result;
    }

    public static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections + 8,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseProxy = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Polls until the server answers a knowledge question; the time counts from the process start.</summary>
    public static async Task<TimeSpan> FirstAnswerAsync(IBenchChannel client, ServerProcess server, Dictionary<string, int> sent, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                var error = await client.SendAsync("startup", BenchConversation.KnowledgeQuestion, limit.Token);
                sent[client.ConversationId("startup")] = sent.GetValueOrDefault(client.ConversationId("startup")) + 1;
                if (error is null)
                {
                    return Stopwatch.GetElapsedTime(server.StartTimestamp);
                }

                throw new InvalidOperationException($"the server's first answer failed: {error}");
            }
            catch (HttpRequestException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.StatusCode is HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(20, limit.Token);
            }
        }
    }
}
