using System.Diagnostics;
using Activity = Microsoft.Bot.Schema.Activity;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Bench;

/// <summary>
/// In-process turn latency of the real bot (AddWeComHelpBot, every registered middleware) through the in-process
/// adapter the Direct Line and WeCom channels use: a knowledge answer, a flow step, an out-of-scope reply.
/// </summary>
public static class TurnsBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> storages, int turns, int resultCacheSize, TimeSpan warmUp, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"turns: {turns} timed turns per kind, each in one of 50 conversations in turn, after {warmUp.TotalSeconds:0} s of warm-up turns of every kind; Knowledge:ResultCacheSize {resultCacheSize}");
        output.WriteLine("| storage | turn | p50 | p99 | max | alloc per timed turn (flow: per 3 turns) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var storage in storages)
        {
            var data = Directory.CreateTempSubdirectory("wecomhelpbot-bench-turns-");
            try
            {
                await RunOneAsync(storage, data.FullName, turns, resultCacheSize, warmUp, output, cancellationToken);
            }
            finally
            {
                data.Delete(recursive: true);
            }
        }
    }

    private static async Task RunOneAsync(string storage, string dataDirectory, int turns, int resultCacheSize, TimeSpan warmUp, TextWriter output, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        switch (storage)
        {
            case "memory":
                // Bot state in memory; transcripts and analytics still go to the LiteDB file, opened Direct.
                services.AddSingleton<IStorage>(new MemoryStorage());
                services.AddSingleton(Options.Create(new StorageOptions { Connection = ConnectionType.Direct }));
                break;
            case "litedb-shared":
                services.AddSingleton(Options.Create(new StorageOptions { Connection = ConnectionType.Shared }));
                break;
            case "litedb-direct":
                services.AddSingleton(Options.Create(new StorageOptions { Connection = ConnectionType.Direct }));
                break;
            default:
                throw new ArgumentException($"unknown storage {storage} (memory, litedb-shared, litedb-direct)");
        }

        services.AddWeComHelpBot(new BotPaths { DataDirectory = dataDirectory });
        services.Configure<KnowledgeOptions>(o => o.ResultCacheSize = resultCacheSize);
        services.AddChannels();
        await using var provider = services.BuildServiceProvider();
        var adapter = provider.GetRequiredService<ReplyCollectingAdapter>();
        var bot = provider.GetRequiredService<IBot>();

        async Task<(IReadOnlyList<Activity> Replies, long Ticks)> TimedAsync(string conversationId, string text)
        {
            var start = Stopwatch.GetTimestamp();
            var replies = await SayAsync(adapter, bot, conversationId, text, cancellationToken);
            return (replies, Stopwatch.GetTimestamp() - start);
        }

        var kinds = new (string Name, Func<string, Task<(IReadOnlyList<Activity> Replies, long Ticks)>> Turn)[]
        {
            ("knowledge answer", c => TimedAsync(c, BenchConversation.KnowledgeQuestion)),
            ("flow step", async c =>
            {
                // Untimed: start the flow; timed: the first answer to its prompt; untimed: finish it.
                await SayAsync(adapter, bot, c, BenchConversation.FlowTrigger, cancellationToken);
                var step = await TimedAsync(c, BenchConversation.FlowAnswers[0]);
                await SayAsync(adapter, bot, c, BenchConversation.FlowAnswers[1], cancellationToken);
                return step;
            }),
            ("out-of-scope reply", c => TimedAsync(c, BenchConversation.OutOfScope)),
        };

        // Every kind in turn until the JIT has tiered the hot paths up, so the first kind timed is not the cold one.
        var warmUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < warmUntil; i++)
        {
            foreach (var (name, turn) in kinds)
            {
                await turn($"{name}-warm-{i % 50}");
            }
        }

        foreach (var (name, turn) in kinds)
        {
            var latency = new LatencyRecorder();
            var before = GC.GetTotalAllocatedBytes(precise: false);
            IReadOnlyList<Activity> last = [];
            for (var i = 0; i < turns; i++)
            {
                (last, var ticks) = await turn($"{name}-{i % 50}");
                latency.AddTicks(ticks);
            }

            var allocated = (GC.GetTotalAllocatedBytes(precise: false) - before) / (double)turns ;
            if (last.Count == 0 || string.IsNullOrEmpty(last[0].Text))
            {
                throw new InvalidOperationException($"{name}: the bot sent no text");
            }

            output.WriteLine($"| {storage} | {name} | {latency.Percentile(50):0.000} ms | {latency.Percentile(99):0.000} ms | {latency.Percentile(100):0.000} ms | {allocated / 1024:0} KB |");
            output.WriteLine($"|  | ↳ first reply | {Shorten(last[0].Text)} | | | |");
        }

        // The same few questions every turn: knowledge turns after the first are retrieval cache hits (Knowledge:ResultCacheSize).
        var cache = provider.GetRequiredService<RetrievalResultCache>();
        output.WriteLine($"| {storage} | ↳ knowledge result cache | {cache.Hits} hits, {cache.Misses} misses | | | |");
    }

    private static Task<IReadOnlyList<Activity>> SayAsync(ReplyCollectingAdapter adapter, IBot bot, string conversationId, string text, CancellationToken cancellationToken) =>
        adapter.ProcessActivityAsync(BenchConversation.Message("bench", conversationId, text), bot, cancellationToken);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "/", StringComparison.Ordinal);
        return line.Length <= 24 ? line : line[..24] + "…";
    }
}
