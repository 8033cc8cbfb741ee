namespace WeComHelpBot.Analytics.Gaps;

/// <summary>A knowledge entry written in the console from a gap group (knowledge/README.md has the fields' rules).</summary>
public sealed record NewEntryDraft(
    string Id,
    string Title,
    int Section,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Questions,
    string Answer,
    IReadOnlyList<string> Related);
