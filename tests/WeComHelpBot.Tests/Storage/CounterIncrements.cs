using Microsoft.Bot.Builder;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// Workers that each add one to a <see cref="CounterItem"/> many times by read, increment and write, reading again
/// after an ETag conflict, as bot turns racing on one conversation do. No increment may be lost.
/// </summary>
internal static class CounterIncrements
{
    /// <summary>Runs <paramref name="workers"/> workers (worker w uses storage w mod count); returns the conflicts they met.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<IStorage> storages, string key, int workers, int incrementsEach)
    {
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var storage = storages[w % storages.Count];
            for (var i = 0; i < incrementsEach; i++)
            {
                while (true)
                {
                    var item = (CounterItem)(await storage.ReadAsync([key]))[key];
                    item.Count++;
                    try
                    {
                        await storage.WriteAsync(new Dictionary<string, object> { [key] = item });
                        break;
                    }
                    catch (EtagConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));
        return conflicts;
    }
}
