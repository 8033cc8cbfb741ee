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

    public FlowTriggerMatcher(IReadOnlyList<FlowDefinition> flows)
    {
        triggers = flows
            .SelectMany(flow => flow.Triggers.Append(flow.Title).Select(trigger => (flow, trigger, TextSimilarity.Bigrams(TextNormalizer.Normalize(trigger)))))
            .ToList();
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
        FlowTriggerMatch? best = null;
        foreach (var (flow, trigger, triggerBigrams) in triggers)
        {
            var score = TextSimilarity.Dice(bigrams, triggerBigrams);
            if (score > (best?.Score ?? 0))
            {
                best = new FlowTriggerMatch(flow, trigger, score);
            }
        }

        return best is not null && best.Score >= threshold ? best : null;
    }
}
