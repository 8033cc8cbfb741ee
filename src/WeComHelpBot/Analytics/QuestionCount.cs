namespace WeComHelpBot.Analytics;

/// <summary>A question (masked, as first asked) and how often it, or a copy differing only in spacing/punctuation, came in.</summary>
public sealed record QuestionCount(string Question, int Count);
