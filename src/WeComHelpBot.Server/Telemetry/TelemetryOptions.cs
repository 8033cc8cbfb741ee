namespace WeComHelpBot.Server.Telemetry;

/// <summary>Section "Telemetry". Everything is off by default: nothing listens to the bot's meter and nothing is exported.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Collects the bot's metrics (<see cref="WeComHelpBot.Telemetry.BotMetrics"/>) and serves them at /metrics in the Prometheus text format.</summary>
    public bool Prometheus { get; set; }
}
