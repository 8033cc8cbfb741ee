namespace WeComHelpBot.Analytics;

/// <summary>How often one knowledge entry answered, and the feedback it got.</summary>
public sealed record EntryUsage(string EntryId, int Answers, int Helpful, int NotHelpful);
