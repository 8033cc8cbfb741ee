namespace WeComHelpBot.Bench;

/// <summary>
/// One scale-out soak: <paramref name="Processes"/> servers (<paramref name="ServerDll"/>) on a fresh schema of
/// <paramref name="Postgres"/> for <paramref name="Duration"/>, <paramref name="Conversations"/> conversations walking
/// answers and flows turn by turn across the processes; with <paramref name="KillAt"/>, the last process is killed with
/// SIGKILL that long after the start and started again on the same port.
/// </summary>
public sealed record ScaleOutSoakSettings(string ServerDll, string Postgres, int Processes, TimeSpan Duration, TimeSpan? KillAt, int Conversations);
