using System.Diagnostics;
using System.Net;
using System.Text;

namespace WeComHelpBot.Bench;

/// <summary>
/// A bounded soak of the real server: conversations walking answers and flows (each reply checked against what that
/// conversation should get next), several workers sending turns to the SAME conversation at once, and a stream of bad
/// input (malformed and truncated JSON, wrong types, empty text, unknown activity types, huge text, bad WeCom posts).
/// Passes when no response is a 5xx, the server log has no error or exception, and after the server stops every
/// conversation's saved turn count and transcript match what was sent.
/// </summary>
public static class SoakBenchmark
{
    private const string SharedConversation = "soak-shared";

    public static async Task<int> RunAsync(string storage, TimeSpan duration, int conversations, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(WeComClient.ServerSettings) { ["Storage__Connection"] = storage };
        await using var server = ServerProcess.Start(ServerProcess.FindServerDll(), settings);
        using var http = HttpBenchmark.CreateClient(server.BaseAddress, conversations + 8);
        var client = new BotFrameworkClient(http);
        var weCom = new WeComClient(http);
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var startup = await HttpBenchmark.FirstAnswerAsync(client, server, sent, cancellationToken);
        output.WriteLine($"soak: storage {storage}, {duration.TotalSeconds:0} s, {conversations} walking conversations, 4 workers on one conversation, 1 bad-input worker; start-up {startup.TotalSeconds:0.00} s");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var failures = new List<string>();
        var statusCounts = new Dictionary<int, int>();
        var sharedSent = 0;
        var started = Stopwatch.GetTimestamp();

        var walkers = Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            var name = $"soak-walk-{c}";
            var count = 0;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (text, expected) = BenchConversation.Walk[i % BenchConversation.Walk.Length];
                var error = await client.SendAsync(name, text, expected, CancellationToken.None);
                count++;
                Record(error is null ? 200 : 0, error is null ? null : $"{name} turn {i}: {error}");
            }

            lock (sent)
            {
                sent[name] = count;
            }
        }));

        var shared = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Turns of one conversation race here; the server runs them one at a time, so none may be lost.
                var error = await client.SendAsync(SharedConversation, HttpBenchmark.Mix[w], CancellationToken.None);
                Interlocked.Increment(ref sharedSent);
                Record(error is null ? 200 : 0, error is null ? null : $"{SharedConversation} worker {w}: {error}");
            }
        }));

        var bad = Task.Run(async () =>
        {
            var random = new Random(20261125);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (kind, status) = await SendBadAsync(client, weCom, random, i);
                Record((int)status, (int)status >= 500 ? $"bad input {kind}: HTTP {(int)status}" : null);
            }
        });

        await Task.WhenAll(walkers.Concat(shared).Append(bad));
        var elapsed = Stopwatch.GetElapsedTime(started);
        sent[SharedConversation] = sharedSent;

        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(20));
        var problems = StateCheck.Verify(server.DatabaseFile, client.ChannelId, sent);
        var logProblems = ServerLog.Problems(server.Log);
        output.WriteLine($"{statusCounts.Values.Sum()} requests in {elapsed.TotalSeconds:0} s; status codes: {string.Join(", ", statusCounts.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "wrong reply" : p.Key.ToString())}×{p.Value}"))}");
        output.WriteLine($"peak RSS {server.PeakRssKb / 1024.0:0} MB; exit code {exitCode}; failures {failures.Count}; state mismatches {problems.Count} over {sent.Count} conversations ({sent.Values.Sum()} turns, {sharedSent} on the shared one); server log problems {logProblems.Count}");
        foreach (var line in failures.Take(10).Concat(problems.Take(10)).Concat(logProblems.Take(10)))
        {
            output.WriteLine($"  {line}");
        }

        return failures.Count + problems.Count + logProblems.Count == 0 ? 0 : 1;

        void Record(int status, string? failure)
        {
            lock (statusCounts)
            {
                statusCounts[status] = statusCounts.GetValueOrDefault(status) + 1;
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        }
    }

    private static async Task<(string Kind, HttpStatusCode Status)> SendBadAsync(BotFrameworkClient client, WeComClient weCom, Random random, int i)
    {
        var conversation = $"soak-bad-{i % 8}";
        var valid = BotFrameworkClient.Activity(conversation, "你好");
        switch (i % 10)
        {
            case 0:
                return ("malformed JSON", await client.PostRawAsync("{\"type\": \"message\", \"text\": ", CancellationToken.None));
            case 1:
                return ("truncated activity", await client.PostRawAsync(valid[..random.Next(1, valid.Length - 1)], CancellationToken.None));
            case 2:
                return ("wrong types", await client.PostRawAsync(valid.Replace("\"conversation\":{", "\"conversation\":[{", StringComparison.Ordinal), CancellationToken.None));
            case 3:
                return ("empty text", await client.PostRawAsync(BotFrameworkClient.Activity(conversation, ""), CancellationToken.None));
            case 4:
                return ("unknown activity type", await client.PostRawAsync(BotFrameworkClient.Activity(conversation, "hi", type: "somethingNew"), CancellationToken.None));
            case 5:
                return ("huge text", await client.PostRawAsync(BotFrameworkClient.Activity(conversation, new string('注', 20_000)), CancellationToken.None));
            case 6:
                return ("over the body limit", await client.PostRawAsync(BotFrameworkClient.Activity(conversation, new string('x', 300_000)), CancellationToken.None));
            case 7:
                return ("deep nesting", await client.PostRawAsync(new StringBuilder().Insert(0, "{\"a\":", 5000).Append('1').Append('}', 5000).ToString(), CancellationToken.None));
            case 8:
                return ("WeCom bad base64", await weCom.PostEncryptedRawAsync("not*base64*" + random.Next(), CancellationToken.None));
            default:
                return ("WeCom garbage inside", await weCom.PostEncryptedRawAsync(WeComClient.Encrypt("<xml><MsgType>text</MsgType><Content>" + new string('<', random.Next(1, 50))), CancellationToken.None));
        }
    }
}
