using System.Diagnostics;

namespace WeComHelpBot.Bench;

/// <summary>
/// <c>soak --provider postgres</c>: several server processes on one PostgreSQL schema, conversations walking
/// <see cref="BenchConversation.Walk"/> with each turn sent to the next process in turn (every turn's state comes
/// through the database), each reply checked against the step; one worker per process racing turns into one shared
/// conversation; and, when asked, one process killed with SIGKILL mid-way and started again on the same port.
/// <para>
/// A turn that gets no answer (the process died, a 5xx) is settled before anything else is sent: the client waits
/// for the conversation's turn lock, as the servers do, so whatever the turn left behind is committed or gone, and
/// reads the saved turn count. One more than the client has counted: the turn was saved, so it is counted and NOT sent
/// again (that would apply it twice). The same count: it was not saved, so it is sent again, to the next process.
/// Anything else is a lost or double-applied turn. At the end every conversation's saved turn count must equal the
/// turns its client counted as committed, and its flow position must be the one its last step leaves.
/// </para>
/// </summary>
public static class ScaleOutSoak
{
    /// <summary>How long a walker keeps re-sending one turn while no process takes it.</summary>
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(60);

    public static async Task<ScaleOutSoakResult> RunAsync(ScaleOutSoakSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var database = await BenchPostgres.CreateAsync(settings.Postgres, cancellationToken);
        var serverSettings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = database.ConnectionString,
        };
        var processes = settings.Processes;
        await using var farm = ServerFarm.Start(settings.ServerDll, processes, serverSettings);
        var https = Enumerable.Range(0, processes).Select(i => HttpBenchmark.CreateClient(farm[i].BaseAddress, settings.Conversations + processes)).ToList();
        try
        {
            var clients = https.Select(http => new BotFrameworkClient(http)).ToArray();
            var startupTurns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < processes; i++)
            {
                await HttpBenchmark.FirstAnswerAsync(clients[i], farm[i], startupTurns, cancellationToken);
            }

            output.WriteLine(
                $"soak on PostgreSQL: {processes} server processes, schema {database.Schema}, {settings.Duration.TotalSeconds:0} s, {settings.Conversations} conversations walking " +
                $"answers and a flow turn by turn across the processes, {processes} workers racing on one conversation" +
                (settings.KillAt is { } at ? $"; process {processes} killed (SIGKILL) at {at.TotalSeconds:0} s and restarted on the same port" : string.Empty));

            var prefix = Guid.NewGuid().ToString("N")[..8];
            var started = Stopwatch.GetTimestamp();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(settings.Duration);
            var tally = new Tally();

            var walkers = Enumerable.Range(0, settings.Conversations)
                .Select(c => Task.Run(() => WalkAsync(c), CancellationToken.None))
                .ToArray();
            var racers = Enumerable.Range(0, processes)
                .Select(w => Task.Run(() => RaceAsync(w), CancellationToken.None))
                .ToArray();
            var killer = settings.KillAt is { } killAt ? KillAndRestartAsync(killAt) : Task.CompletedTask;

            var walked = await Task.WhenAll(walkers);
            var raced = await Task.WhenAll(racers);
            await killer;
            var elapsed = Stopwatch.GetElapsedTime(started);

            var sharedId = clients[0].ConversationId($"{prefix}-shared");
            var ids = walked.Select(w => w.Id).Append(sharedId).ToList();
            var saved = await PostgresStateCheck.ReadAsync(database, BotFrameworkClient.BenchChannelId, ids, cancellationToken);
            int lost = 0, doubleApplied = 0, mixed = tally.WrongReplies;
            foreach (var walk in walked)
            {
                var state = saved[walk.Id];
                lost += Math.Max(0, walk.Committed - state.TurnCount);
                doubleApplied += Math.Max(0, state.TurnCount - walk.Committed);
                if (state.TurnCount != walk.Committed)
                {
                    tally.Problem($"{walk.Id}: committed {walk.Committed} turns, state counts {state.TurnCount}");
                }
                else if (BenchConversation.FlowActiveAfter(walk.Committed) != state.DialogDepth > 0)
                {
                    mixed++;
                    tally.Problem($"{walk.Id}: after {walk.Committed} turns the flow should {(BenchConversation.FlowActiveAfter(walk.Committed) ? "be under way" : "have ended")}, the saved dialog stack holds {state.DialogDepth}");
                }
            }

            // Racing turns cannot be settled one by one (several are in flight); the count must lie between the answered
            // ones and the answered plus the unanswered.
            var (answeredRaces, unansweredRaces) = (raced.Sum(r => r.Answered), raced.Sum(r => r.Unanswered));
            var sharedCount = saved[sharedId].TurnCount;
            if (sharedCount < answeredRaces || sharedCount > answeredRaces + unansweredRaces)
            {
                lost += (int)Math.Max(0, answeredRaces - sharedCount);
                doubleApplied += (int)Math.Max(0, sharedCount - answeredRaces - unansweredRaces);
                tally.Problem($"{sharedId}: {answeredRaces} racing turns answered and {unansweredRaces} unanswered, state counts {sharedCount}");
            }

            var exitCodes = await farm.StopAsync(TimeSpan.FromSeconds(20));
            var logProblems = ServerLog.Problems(farm.Log);
            var committed = walked.Sum(w => (long)w.Committed);
            var latency = LatencyRecorder.Merge(walked.Select(w => w.Latency));
            output.WriteLine(
                $"{elapsed.TotalSeconds:0} s: {committed} walk turns committed ({committed / elapsed.TotalSeconds:0} turns/s; answered p50 {latency.Percentile(50):0.00} ms, p99 {latency.Percentile(99):0.00} ms, " +
                $"max {latency.Percentile(100):0.00} ms), {answeredRaces} racing turns answered and {unansweredRaces} not; servers' exit codes {string.Join(", ", exitCodes)}");
            var result = new ScaleOutSoakResult(
                settings.Conversations,
                committed,
                tally.Answered,
                tally.SettledWithoutReply,
                tally.Resent,
                lost,
                mixed,
                doubleApplied,
                tally.Undelivered,
                tally.Problems,
                logProblems);
            foreach (var line in result.Problems.Take(10).Concat(logProblems.Take(10)))
            {
                output.WriteLine($"  {line}");
            }

            output.WriteLine(
                $"verdict: {(result.Passed ? "PASS" : "FAIL")} — {result.Lost} lost, {result.Mixed} mixed, {result.DoubleApplied} double-applied, {result.Undelivered} undelivered; " +
                $"{result.Conversations} conversations, {result.Committed} turns committed ({result.Answered} answered, {result.SettledWithoutReply} saved without a reply and not re-sent, " +
                $"{result.Resent} re-sent after no reply); server logs: {logProblems.Count} errors or exceptions");
            return result;

            async Task<Walked> WalkAsync(int c)
            {
                var name = $"{prefix}-walk-{c}";
                var id = clients[0].ConversationId(name);
                var recorder = new LatencyRecorder();
                var position = 0;
                while (!stop.IsCancellationRequested)
                {
                    var (text, expected) = BenchConversation.Walk[position % BenchConversation.Walk.Length];
                    var deliveryStarted = Stopwatch.GetTimestamp();
                    for (var attempt = 0; ; attempt++)
                    {
                        var sentAt = Stopwatch.GetTimestamp();
                        var error = await TrySendAsync(clients[(c + position + attempt) % processes], name, text, expected);
                        if (error is null || !IsUnanswered(error))
                        {
                            recorder.AddTicks(Stopwatch.GetTimestamp() - sentAt);
                            tally.Answer(error is null ? null : $"{name} step {position}: {error}");
                            position++;
                            break;
                        }

                        var state = await PostgresStateCheck.ReadSettledAsync(database, BotFrameworkClient.BenchChannelId, id, CancellationToken.None);
                        if (state.TurnCount == position + 1)
                        {
                            tally.Settled();
                            position++;
                            break;
                        }

                        if (state.TurnCount != position)
                        {
                            tally.Problem($"{name} step {position}: no answer ({error}); the saved state counts {state.TurnCount} turns, the client {position}");
                            return new Walked(id, position, recorder);
                        }

                        if (Stopwatch.GetElapsedTime(deliveryStarted) > DeliveryLimit)
                        {
                            tally.Undeliverable($"{name} step {position}: no process took it within {DeliveryLimit.TotalSeconds:0} s ({error})");
                            return new Walked(id, position, recorder);
                        }

                        tally.Resending();
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * (attempt + 1))), CancellationToken.None);
                    }
                }

                return new Walked(id, position, recorder);
            }

            async Task<(long Answered, long Unanswered)> RaceAsync(int w)
            {
                long answered = 0, unanswered = 0;
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var error = await TrySendAsync(clients[w], $"{prefix}-shared", HttpBenchmark.Mix[(w + i) % HttpBenchmark.Mix.Length], expected: null);
                    if (error is not null && IsUnanswered(error))
                    {
                        unanswered++;
                        await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                    }
                    else
                    {
                        answered++;
                    }
                }

                return (answered, unanswered);
            }

            async Task KillAndRestartAsync(TimeSpan at)
            {
                try
                {
                    await Task.Delay(at, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    tally.Problem($"no process was killed: the soak ended before {at.TotalSeconds:0} s");
                    return;
                }

                var index = processes - 1;
                var killedAt = Stopwatch.GetElapsedTime(started);
                var killedPid = farm[index].ProcessId;
                var restarted = await farm.KillAndRestartAsync(index);
                var answering = await WaitUntilHealthyAsync(https[index], TimeSpan.FromSeconds(90));
                output.WriteLine(
                    $"at {killedAt.TotalSeconds:0.0} s: process {index + 1} (pid {killedPid}) killed with SIGKILL, restarted on port {restarted.BaseAddress.Port} as pid {restarted.ProcessId}; " +
                    (answering is { } after ? $"healthy again {after.TotalSeconds:0.00} s later" : "NOT healthy within 90 s"));
                if (answering is null)
                {
                    tally.Problem("the restarted process did not become healthy within 90 s");
                }
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

    /// <summary>Null when answered as expected; otherwise what happened (a transport failure or an HTTP error is "unanswered").</summary>
    private static async Task<string?> TrySendAsync(BotFrameworkClient client, string name, string text, string? expected)
    {
        try
        {
            return await client.SendAsync(name, text, expected, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return $"{UnansweredPrefix}{ex.GetType().Name}: {ex.Message}";
        }
    }

    private const string UnansweredPrefix = "unanswered: ";

    /// <summary>The server gave no usable answer (no response, or an HTTP error): whether the turn was saved is unknown.</summary>
    private static bool IsUnanswered(string error) =>
        error.StartsWith(UnansweredPrefix, StringComparison.Ordinal) || error.StartsWith("HTTP ", StringComparison.Ordinal);

    private static async Task<TimeSpan?> WaitUntilHealthyAsync(HttpClient http, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return null;
    }

    private sealed record Walked(string Id, int Committed, LatencyRecorder Latency);

    /// <summary>Counters shared by the walkers.</summary>
    private sealed class Tally
    {
        private readonly List<string> problems = [];
        private long answered;
        private long settledWithoutReply;
        private long resent;
        private int wrongReplies;
        private int undelivered;

        public long Answered => Interlocked.Read(ref answered);

        public long SettledWithoutReply => Interlocked.Read(ref settledWithoutReply);

        public long Resent => Interlocked.Read(ref resent);

        public int WrongReplies => Volatile.Read(ref wrongReplies);

        public int Undelivered => Volatile.Read(ref undelivered);

        public IReadOnlyList<string> Problems
        {
            get
            {
                lock (problems)
                {
                    return [.. problems];
                }
            }
        }

        /// <summary>A turn answered; <paramref name="wrongReply"/> when the answer was not the one its step expects.</summary>
        public void Answer(string? wrongReply)
        {
            Interlocked.Increment(ref answered);
            if (wrongReply is not null)
            {
                Interlocked.Increment(ref wrongReplies);
                Problem(wrongReply);
            }
        }

        public void Settled() => Interlocked.Increment(ref settledWithoutReply);

        public void Resending() => Interlocked.Increment(ref resent);

        public void Undeliverable(string line)
        {
            Interlocked.Increment(ref undelivered);
            Problem(line);
        }

        public void Problem(string line)
        {
            lock (problems)
            {
                problems.Add(line);
            }
        }
    }
}
