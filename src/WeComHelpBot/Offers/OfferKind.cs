namespace WeComHelpBot.Offers;

/// <summary>What the bot just offered and is waiting to hear back about.</summary>
public enum OfferKind
{
    /// <summary>After a knowledge answer: 有帮助 / 没帮助, and 带我做 when the entry has a flow.</summary>
    AnswerFeedback,

    /// <summary>After 没帮助: 不相关 / 相关但没解决 (optional).</summary>
    NotHelpfulReason,

    /// <summary>是 / 不用 to opening a ticket.</summary>
    TicketOffer,

    /// <summary>The 1–5 satisfaction question.</summary>
    Rating,

    /// <summary>Why a low rating (optional).</summary>
    RatingReason,

    /// <summary>The greeting's menu of flows.</summary>
    Menu,
}
