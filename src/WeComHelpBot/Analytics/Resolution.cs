namespace WeComHelpBot.Analytics;

/// <summary>How a conversation that asked for help ended, as the figures count it (README, 客服工作台 → 数字的定义).</summary>
public enum Resolution
{
    /// <summary>The user said so: 有帮助, a rating of 4 or 5, or a flow that ended solved, after any sign of failure.</summary>
    Confirmed,

    /// <summary>No hand-over, no 没帮助 and no repeat of a question, and 24 h have passed since the last question.</summary>
    Assumed,

    /// <summary>Handed to a person, or its last word was 没帮助, the same question again or a flow that ended unsolved.</summary>
    NotResolved,

    /// <summary>Nothing says it failed, but its last question is less than 24 h old: not counted in the rates yet.</summary>
    Pending,
}
