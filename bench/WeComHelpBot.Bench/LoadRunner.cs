using System.Diagnostics;

namespace WeComHelpBot.Bench;

/// <summary>
/// A bounded closed-loop load: <c>conversations</c> workers, each sending its turns one after another (a conversation
/// never has two turns in flight), until each has sent <c>turnsPerConversation</c> or the time limit passes.
/// Latencies are also kept per kind of turn (turn <c>i</c> is of kind <c>i % kinds</c>), so a tail can be traced to a message.
/// </summary>
public static class LoadRunner
{
    /// <param name="turn">Sends turn <c>i</c> of conversation <c>c</c>; returns null when it succeeded, else what went wrong.</param>
    public static async Task<LoadResult> RunAsync(
        int conversations,
        int turnsPerConversation,
        TimeSpan timeLimit,
        Func<int, int, CancellationToken, Task<string?>> turn,
        CancellationToken cancellationToken,
        int kinds = 1)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeLimit);
        var recorders = new LatencyRecorder[conversations, kinds];
        var sent = new int[conversations];
        var errors = new List<string>();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            for (var k = 0; k < kinds; k++)
            {
                recorders[c, k] = new LatencyRecorder();
            }

            for (var i = 0; i < turnsPerConversation && !deadline.IsCancellationRequested; i++)
            {
                var start = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await turn(c, i, cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = $"{ex.GetType().Name}: {ex.Message}";
                }

                recorders[c, i % kinds].AddTicks(Stopwatch.GetTimestamp() - start);
                sent[c]++;
                if (error is not null)
                {
                    lock (errors)
                    {
                        errors.Add($"conversation {c} turn {i}: {error}");
                    }
                }
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var byKind = Enumerable.Range(0, kinds)
            .Select(k => LatencyRecorder.Merge(Enumerable.Range(0, conversations).Select(c => recorders[c, k])))
            .ToArray();
        return new LoadResult(byKind, sent, errors, elapsed);
    }
}
