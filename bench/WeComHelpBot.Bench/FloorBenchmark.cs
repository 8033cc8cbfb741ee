namespace WeComHelpBot.Bench;

/// <summary>
/// What the machine allows before the bot does anything: the same load as <see cref="HttpBenchmark"/> (64
/// conversations, expectReplies) against bench/WeComHelpBot.Bench.Floor in its three modes, then against the real server.
/// "bare" answers a fixed reply after parsing the JSON (Kestrel, the loopback and the load generator);
/// "adapter" is Bot Builder's CloudAdapter with an echo bot keeping a turn count in MemoryStorage; "adapter-shared" the
/// same behind the server's shared connector clients.
/// </summary>
public static class FloorBenchmark
{
    public static async Task<int> RunAsync(int turnsPerConversation, int conversations, TimeSpan warmUp, TextWriter output, CancellationToken cancellationToken)
    {
        var floorDll = ServerProcess.FindBuiltDll("bench", "WeComHelpBot.Bench.Floor");
        output.WriteLine("| server | conversations | turns | turns/s | p50 | p99 | max | errors | server CPU per turn | load generator CPU per turn |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var errors = 0;
        foreach (var (label, dll, settings) in new[]
        {
            ("bare Kestrel + JSON", floorDll, new Dictionary<string, string> { ["Floor__Mode"] = "bare" }),
            ("CloudAdapter + echo bot, MemoryStorage", floorDll, new Dictionary<string, string> { ["Floor__Mode"] = "adapter" }),
            ("the same with shared connector clients", floorDll, new Dictionary<string, string> { ["Floor__Mode"] = "adapter-shared" }),
            ("WeComHelpBot.Server, LiteDB Direct", ServerProcess.FindServerDll(), new Dictionary<string, string> { ["Storage__Connection"] = "Direct" }),
        })
        {
            await using var server = ServerProcess.Start(dll, settings);
            using var http = HttpBenchmark.CreateClient(server.BaseAddress, conversations);
            var client = new BotFrameworkClient(http);
            await HttpBenchmark.FirstAnswerAsync(client, server, [], cancellationToken);
            var prefix = Guid.NewGuid().ToString("N")[..8];

            // Warm up long enough for tiered JIT to settle (a server that runs for days is past it).
            await HttpBenchmark.MeasuredPhaseAsync(server, client, $"{prefix}-warm", conversations, int.MaxValue, warmUp, TextWriter.Null, cancellationToken);
            var row = new StringWriter();
            var result = await HttpBenchmark.MeasuredPhaseAsync(server, client, $"{prefix}-many", conversations, turnsPerConversation, TimeSpan.FromSeconds(120), row, cancellationToken);
            output.WriteLine($"| {label} {row.ToString().TrimEnd()}");
            errors += result.Errors.Count;
            await server.StopAsync(TimeSpan.FromSeconds(20));
        }

        return errors == 0 ? 0 : 1;
    }
}
