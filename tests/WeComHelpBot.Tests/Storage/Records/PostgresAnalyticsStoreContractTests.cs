namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>The analytics contract on a real PostgreSQL server (skipped without one, failed under CI).</summary>
public sealed class PostgresAnalyticsStoreContractTests() : AnalyticsStoreContractTests(new PostgresSupportRecordBackend());
