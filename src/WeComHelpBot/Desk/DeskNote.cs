namespace WeComHelpBot.Desk;

/// <summary>A line on a ticket: an internal note, a history event or a message an agent sent the user (text masked).</summary>
public sealed record DeskNote(DateTimeOffset At, string Author, string Text);
