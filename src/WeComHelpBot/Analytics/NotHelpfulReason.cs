namespace WeComHelpBot.Analytics;

/// <summary>Why an answer did not help, as the user picks it after 没帮助.</summary>
public enum NotHelpfulReason
{
    /// <summary>不相关: the answer was about something else.</summary>
    Irrelevant,

    /// <summary>相关但没解决: right topic, problem still there.</summary>
    RelatedButUnsolved,
}
