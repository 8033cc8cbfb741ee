namespace WeComHelpBot.Bench;

/// <summary>
/// <c>http --provider postgres</c>: N server processes on one fresh PostgreSQL schema, POST /api/messages
/// (expectReplies) with each conversation's turns ALTERNATING between the processes (turn i of conversation c goes to
/// process (c + i) mod N), so every turn's state has to come through the database from the other process. Reports
/// throughput and latency of all processes together, what a turn costs the servers and the database (backend CPU,
/// transactions), and after the run that every conversation's saved turn count is what it was sent.
/// </summary>
public static class ScaleOutHttpBenchmark
{
    public const double TargetTurnsPerSecond = 1500;

    public const double TargetP99Milliseconds = 80;

    public const string TableHeader = """
        | processes | conversations | turns | turns/s | p50 | p99 | max | errors | servers' CPU per turn | database CPU per turn | transactions per turn |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """;

    public static async Task<int> RunAsync(
        string serverDll,
        string postgres,
        int processes,
        int resultCacheSize,
        TimeSpan warmUp,
        int singleTurns,
        int turnsPerConversation,
        int conversations,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        await using var database = await BenchPostgres.CreateAsync(postgres, cancellationToken);
        var settings = new Dictionary<string, string>(HttpBenchmark.CacheSetting(resultCacheSize))
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = database.ConnectionString,
        };
        await using var farm = ServerFarm.Start(serverDll, processes, settings);
        var https = Enumerable.Range(0, processes).Select(i => HttpBenchmark.CreateClient(farm[i].BaseAddress, conversations)).ToList();
        try
        {
            var clients = https.Select(http => new BotFrameworkClient(http)).ToArray();
            var sent = new Dictionary<string, int>(StringComparer.Ordinal);
            var startups = new List<TimeSpan>();
            for (var i = 0; i < processes; i++)
            {
                startups.Add(await HttpBenchmark.FirstAnswerAsync(clients[i], farm[i], sent, cancellationToken));
            }

            output.WriteLine(
                $"http /api/messages on PostgreSQL: {processes} server processes (pids {string.Join(", ", Enumerable.Range(0, processes).Select(i => farm[i].ProcessId))}), " +
                $"schema {database.Schema}, each conversation's turns alternating between them; start-up to first answer {string.Join(", ", startups.Select(s => $"{s.TotalSeconds:0.00} s"))}");

            var prefix = Guid.NewGuid().ToString("N")[..8];
            var warm = await PhaseAsync($"{prefix}-warm", conversations, int.MaxValue, warmUp, TextWriter.Null);
            output.WriteLine(
                $"warm-up, {warmUp.TotalSeconds:0} s at {conversations} conversations from a cold start (not counted below): {warm.Turns} turns, " +
                $"{warm.TurnsPerSecond:0} turns/s, p50 {warm.Latency.Percentile(50):0.00} ms, p99 {warm.Latency.Percentile(99):0.00} ms, {warm.Errors.Count} errors");
            output.WriteLine(TableHeader);
            var single = await PhaseAsync($"{prefix}-one", 1, singleTurns, TimeSpan.FromSeconds(60), output);
            var many = await PhaseAsync($"{prefix}-many", conversations, turnsPerConversation, TimeSpan.FromSeconds(120), output);
            HttpBenchmark.WriteByMessage(many, conversations, output);

            var saved = await PostgresStateCheck.ReadAsync(database, BotFrameworkClient.BenchChannelId, sent.Keys, cancellationToken);
            var problems = PostgresStateCheck.Verify(sent, saved);
            var exitCodes = await farm.StopAsync(TimeSpan.FromSeconds(20));
            var logProblems = ServerLog.Problems(farm.Log);
            output.WriteLine($"servers' exit codes {string.Join(", ", exitCodes)}; peak RSS (VmHWM) {string.Join(", ", Enumerable.Range(0, processes).Select(i => $"{farm[i].PeakRssKb / 1024.0:0} MB"))}");
            output.WriteLine($"state check: {sent.Count} conversations, {sent.Values.Sum()} turns sent, {problems.Count} mismatched states; server logs: {logProblems.Count} errors or exceptions");
            foreach (var line in problems.Take(10).Concat(logProblems.Take(10)))
            {
                output.WriteLine($"  {line}");
            }

            var met = many.TurnsPerSecond >= TargetTurnsPerSecond && many.Latency.Percentile(99) <= TargetP99Milliseconds && problems.Count == 0;
            output.WriteLine(
                $"target (issue #14: ≥ {TargetTurnsPerSecond:0} turns/s together, p99 ≤ {TargetP99Milliseconds:0} ms, 0 mismatched states): " +
                $"{many.TurnsPerSecond:0} turns/s, p99 {many.Latency.Percentile(99):0.00} ms, {problems.Count} mismatched — {(met ? "MET" : "NOT MET")}");
            var failed = warm.Errors.Count + single.Errors.Count + many.Errors.Count + problems.Count + logProblems.Count;
            return failed == 0 ? 0 : 1;

            async Task<LoadResult> PhaseAsync(string name, int count, int turns, TimeSpan limit, TextWriter table)
            {
                var serverCpuBefore = farm.CpuTime();
                var (transactionsBefore, databaseCpuBefore) = await database.DatabaseCostAsync(cancellationToken);
                var result = await LoadRunner.RunAsync(
                    count,
                    turns,
                    limit,
                    (c, i, ct) => clients[(c + i) % processes].SendAsync($"{name}-{c}", HttpBenchmark.Mix[i % HttpBenchmark.Mix.Length], ct),
                    cancellationToken,
                    kinds: HttpBenchmark.Mix.Length);

                // The statistics collector publishes counters about once a second; wait so the phase's last turns are in.
                await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
                var (transactionsAfter, databaseCpuAfter) = await database.DatabaseCostAsync(cancellationToken);
                var perTurn = Math.Max(1, result.Turns);
                var serverCpu = (farm.CpuTime() - serverCpuBefore).TotalMilliseconds / perTurn;
                var databaseCpu = (databaseCpuAfter - databaseCpuBefore).TotalMilliseconds / perTurn;
                var transactions = (double)(transactionsAfter - transactionsBefore) / perTurn;
                table.WriteLine(
                    $"| {processes} | {count} | {result.Turns} | {result.TurnsPerSecond:0} | {result.Latency.Percentile(50):0.00} ms | {result.Latency.Percentile(99):0.00} ms | " +
                    $"{result.Latency.Percentile(100):0.00} ms | {result.Errors.Count} | {serverCpu:0.00} ms | {databaseCpu:0.00} ms | {transactions:0.0} |");
                foreach (var error in result.Errors.Take(5))
                {
                    table.WriteLine($"  {error}");
                }

                for (var c = 0; c < count; c++)
                {
                    sent[clients[0].ConversationId($"{name}-{c}")] = result.SentPerConversation[c];
                }

                return result;
            }
        }
        finally
        {
            foreach (var http in https)
            {
                http.Dispose();
            }
        }
    }
}
