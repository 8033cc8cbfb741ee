namespace WeComHelpBot.Analytics.Gaps;

/// <summary>One wording within a gap group and how often it was asked.</summary>
public sealed record GapVariant(string Text, int Count);
