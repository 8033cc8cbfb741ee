namespace WeComHelpBot.Analytics;

/// <summary>The report behind <c>wecomhelp stats</c>. Days are China dates; <see cref="From"/>/<see cref="To"/> are inclusive dates or null when open.</summary>
public sealed record SupportStats(
    DateOnly? From,
    DateOnly? To,
    StatsFigures Total,
    IReadOnlyList<StatsFigures> Days,
    IReadOnlyList<EntryUsage> TopEntries,
    IReadOnlyList<QuestionCount> TopUnanswered,
    IReadOnlyList<FlowUsage> Flows);
