namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>The transcript contract on a real PostgreSQL server (skipped without one, failed under CI).</summary>
public sealed class PostgresTranscriptLogContractTests() : TranscriptLogContractTests(new PostgresSupportRecordBackend());
