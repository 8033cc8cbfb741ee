namespace WeComHelpBot.Server.Tests.Telemetry;

/// <summary>
/// Tests that scrape /metrics run alone: the Prometheus exporter listens to every meter named
/// <see cref="WeComHelpBot.Telemetry.BotMetrics.MeterName"/> in the process, so turns of servers that other tests run in
/// parallel would be counted too (a real server has one). Seen in CI as an extra turn on channel "other".
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "Process-wide metrics";
}
