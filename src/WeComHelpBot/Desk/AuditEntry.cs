namespace WeComHelpBot.Desk;

/// <summary>One console action: who did what to which object, when. <see cref="Detail"/> is masked.</summary>
public sealed record AuditEntry(DateTimeOffset At, string User, string Action, string? Target, string? Detail);
