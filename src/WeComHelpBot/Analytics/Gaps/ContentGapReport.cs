namespace WeComHelpBot.Analytics.Gaps;

/// <summary>The gap groups, ranked; and how many groups the knowledge base now answers directly (left out).</summary>
public sealed record ContentGapReport(IReadOnlyList<ContentGap> Gaps, int QuestionCount, int NowAnsweredGroups);
