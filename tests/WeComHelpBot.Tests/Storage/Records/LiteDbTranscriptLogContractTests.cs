namespace WeComHelpBot.Tests.Storage.Records;

public sealed class LiteDbTranscriptLogContractTests() : TranscriptLogContractTests(new LiteDbSupportRecordBackend());
