namespace WeComHelpBot.Bench;

/// <summary>Finds what should never be in the server's console output under load: errors, critical entries, exceptions.</summary>
public static class ServerLog
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> lines) =>
        lines.Where(l => l.StartsWith("fail:", StringComparison.Ordinal)
                || l.StartsWith("crit:", StringComparison.Ordinal)
                || l.Contains("Exception", StringComparison.Ordinal)
                || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase))
            .ToList();
}
