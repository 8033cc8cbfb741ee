using System.Diagnostics;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Bench;

/// <summary>Time and allocation of each stage of a query (analysis into words, into bigrams, the whole answer), averaged.</summary>
public static class QueryCostBreakdown
{
    public static void Run(KnowledgeIndex index, KnowledgeRetriever retriever, IReadOnlyList<string> questions, TextWriter output)
    {
        var analyzer = index.Analyzer;
        Measure("SmartCn words", q => analyzer.Terms(KnowledgeIndex.TitleField, q));
        Measure("bigrams", q => analyzer.Terms(KnowledgeAnalyzer.GramsField, q));
        Measure("whole answer", q => retriever.Answer(q));

        void Measure(string stage, Action<string> work)
        {
            foreach (var q in questions)
            {
                work(q);
            }

            var rounds = Math.Max(1, 2000 / questions.Count);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var r = 0; r < rounds; r++)
            {
                foreach (var q in questions)
                {
                    work(q);
                }
            }

            var n = rounds * questions.Count;
            var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
            var kb = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / n;
            output.WriteLine($"  {stage}: {micros:0} µs, {kb:0.0} KB allocated per question");
        }
    }
}
