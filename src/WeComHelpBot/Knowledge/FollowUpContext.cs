namespace WeComHelpBot.Knowledge;

/// <summary>The turn before a message: what the user asked and the entry the bot answered with (either may be missing).</summary>
public sealed record FollowUpContext(string? Question, string? EntryId);
