namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>What the bot did with one labelled question, as a person would judge it.</summary>
public enum EvalVerdict
{
    /// <summary>Answered with the expected (or an accepted) entry; for a comparison, with both sides.</summary>
    Right,

    /// <summary>Answered with another entry, or answered a question that is out of scope.</summary>
    Wrong,

    /// <summary>Asked "您是想问…".</summary>
    Clarified,

    /// <summary>Said the question is out of scope.</summary>
    Refused,
}
