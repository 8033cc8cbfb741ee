using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Recognizes a request for a flow in the user's own words by character-bigram similarity to the flows' triggers.
/// A request for guidance ("帮我…", "一步一步", "对一下") needs a moderate resemblance; a message without such a
/// cue needs to be nearly a trigger itself, so that plain questions ("个体户最多能加几个人") go to the knowledge base.
/// </summary>
public sealed class FlowTriggerMatcher
{
    public const double ThresholdWithCue = 0.45;

    public const double ThresholdWithoutCue = 0.8;

    private static readonly string[] GuidanceCues =
    [
        "帮我", "帮忙", "带我", "一步一步", "一步步", "手把手", "对一下", "核对", "看看", "选一下", "引导", "教我", "排查", "检查一下",
        "过一遍", "走一遍", "我想", "我要", "开始", "怎么选", "推荐", "接下来", "下一步",
    ];

    // Every flow's triggers and title with their bigrams, worked out once: Match runs on every message.
    private readonly IReadOnlyList<(FlowDefinition Flow, string Trigger, HashSet<string> Bigrams)> triggers;

    // Which triggers hold each bigram: a message's few bigrams are looked up once each, instead of every trigger's set
    // being searched for every one of them (well over a hundred sets per message).
    private readonly Dictionary<string, List<int>> triggersByBigram = new(StringComparer.Ordinal);

    public FlowTriggerMatcher(IReadOnlyList<FlowDefinition> flows)
    {
        triggers = flows
            .SelectMany(flow => flow.Triggers.Append(flow.Title).Select(trigger => (flow, trigger, TextSimilarity.Bigrams(TextNormalizer.Normalize(trigger)))))
            .ToList();
        for (var i = 0; i < triggers.Count; i++)
        {
            foreach (var gram in triggers[i].Bigrams)
            {
                if (!triggersByBigram.TryGetValue(gram, out var holders))
                {
                    triggersByBigram[gram] = holders = [];
                }

                holders.Add(i);
            }
        }
    }

    public FlowTriggerMatch? Match(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length < 2)
        {
            return null;
        }

        var threshold = GuidanceCues.Any(normalized.Contains) ? ThresholdWithCue : ThresholdWithoutCue;
        var bigrams = TextSimilarity.Bigrams(TextNormalizer.Normalize(normalized));
        var shared = new int[triggers.Count];
        foreach (var gram in bigrams)
        {
            if (triggersByBigram.TryGetValue(gram, out var holders))
            {
                foreach (var index in holders)
                {
                    shared[index]++;
                }
            }
        }

        // The Dice coefficient of TextSimilarity, from the counts; the first trigger with the highest score wins.
        var bestIndex = -1;
        var bestScore = 0.0;
        for (var i = 0; i < triggers.Count; i++)
        {
            var triggerBigrams = triggers[i].Bigrams;
            var score = triggerBigrams.Count == 0 ? 0 : 2.0 * shared[i] / (bigrams.Count + triggerBigrams.Count);
            if (score > bestScore)
            {
                (bestIndex, bestScore) = (i, score);
            }
        }

        return bestIndex >= 0 && bestScore >= threshold ? new FlowTriggerMatch(triggers[bestIndex].Flow, triggers[bestIndex].Trigger, bestScore) : null;
    }
}
