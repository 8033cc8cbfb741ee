namespace WeComHelpBot.Analytics.Gaps;

/// <summary>Why a question counts as a content gap.</summary>
public enum GapSource
{
    /// <summary>Nothing in the knowledge base matched (out of scope, or a topic with no entry).</summary>
    Unanswered,

    /// <summary>Something matched, below the answer threshold (the bot asked "您是想问…" or gave up).</summary>
    LowConfidence,

    /// <summary>The bot answered and the user said 没帮助.</summary>
    NotHelpful,
}
