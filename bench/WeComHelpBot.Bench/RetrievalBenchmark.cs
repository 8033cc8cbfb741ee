using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Bench;

/// <summary>Index build time and query latency (p50/p99) for knowledge bases of several sizes.</summary>
public static class RetrievalBenchmark
{
    public static void Run(string knowledgeDirectory, string questionsFile, IReadOnlyList<int> sizes, int queries, TextWriter output)
    {
        var real = KnowledgeLoader.LoadOrThrow(knowledgeDirectory);
        var questions = File.ReadLines(questionsFile)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
            .ToArray();
        output.WriteLine($"retrieval: {real.Entries.Count} real entries, {questions.Length} eval questions, {queries} timed queries per size");
        output.WriteLine("| entries | index build | build GC | query p50 | query p99 | query max | per query alloc, GC over all queries |");
        output.WriteLine("|---:|---:|---|---:|---:|---:|---|");
        var breakdowns = new StringWriter();
        foreach (var size in sizes)
        {
            var knowledge = SyntheticKnowledge.Grow(real, size);
            var buildGc = GcSnapshot.Take();
            var build = Stopwatch.StartNew();
            using var index = new KnowledgeIndex(knowledge, Options.Create(new RetrievalOptions()));
            build.Stop();
            var buildCost = GcSnapshot.Take() - buildGc;
            var retriever = new KnowledgeRetriever(index, Options.Create(new RetrievalOptions()));

            for (var i = 0; i < Math.Min(queries, 2000); i++)
            {
                retriever.Answer(questions[i % questions.Length]);
            }

            var queryGc = GcSnapshot.Take();
            var latency = new LatencyRecorder();
            var perQuestion = questions.Select(_ => new LatencyRecorder()).ToArray();
            for (var i = 0; i < queries; i++)
            {
                var start = Stopwatch.GetTimestamp();
                retriever.Answer(questions[i % questions.Length]);
                var ticks = Stopwatch.GetTimestamp() - start;
                latency.AddTicks(ticks);
                perQuestion[i % questions.Length].AddTicks(ticks);
            }

            var queryCost = GcSnapshot.Take() - queryGc;
            breakdowns.WriteLine($"per-stage cost at {size:N0} entries:");
            QueryCostBreakdown.Run(index, retriever, questions, breakdowns);
            WriteSlowest(questions, perQuestion, latency, breakdowns);
            output.WriteLine($"| {size:N0} | {build.Elapsed.TotalSeconds:0.00} s | {buildCost.Describe()} | {latency.Percentile(50):0.000} ms | {latency.Percentile(99):0.000} ms | {latency.Percentile(100):0.000} ms | {queryCost.AllocatedBytes / queries / 1024.0:0} KB, {queryCost.Describe()} |");
        }


        output.WriteLine();
        output.Write(breakdowns);
    }

    /// <summary>
    /// The questions whose median time is highest. Each question is timed many times, so when a few questions cost more
    /// than the rest the p99 is their cost, not a pause; this list says which.
    /// </summary>
    private static void WriteSlowest(string[] questions, LatencyRecorder[] perQuestion, LatencyRecorder all, TextWriter output)
    {
        var p99 = all.Percentile(99);
        var slowest = perQuestion
            .Select((recorder, i) => (Question: questions[i], Median: recorder.Percentile(50), Runs: recorder.Count))
            .Where(q => q.Runs > 0)
            .OrderByDescending(q => q.Median)
            .Take(SlowestShown)
            .ToArray();
        output.WriteLine($"  slowest questions by median (p99 {p99:0.000} ms; {slowest.Count(q => q.Median >= p99)} of them at or above it):");
        foreach (var q in slowest)
        {
            output.WriteLine($"    {q.Median:0.000} ms × {q.Runs}  {q.Question}");
        }
    }

    private const int SlowestShown = 8;
}
