namespace WeComHelpBot.Analytics;

/// <summary>The report behind <c>wecomhelp stats</c> and the dashboard. Days are China dates; <see cref="From"/>/<see cref="To"/> are inclusive dates or null when open.</summary>
public sealed record SupportStats(
    DateOnly? From,
    DateOnly? To,
    StatsFigures Total,
    IReadOnlyList<StatsFigures> Days,
    IReadOnlyList<EntryUsage> TopEntries,
    IReadOnlyList<QuestionCount> TopUnanswered,
    IReadOnlyList<FlowUsage> Flows)
{
    /// <summary>The figures per channel the conversations started in, the busiest first.</summary>
    public IReadOnlyList<StatsFigures> Channels { get; init; } = [];

    /// <summary>The most asked questions, answered or not.</summary>
    public IReadOnlyList<QuestionCount> TopQuestions { get; init; } = [];

    /// <summary>The questions whose answers got 没帮助.</summary>
    public IReadOnlyList<QuestionCount> TopNotHelpful { get; init; } = [];
}
