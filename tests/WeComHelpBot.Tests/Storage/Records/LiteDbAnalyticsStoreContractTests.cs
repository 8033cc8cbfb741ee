namespace WeComHelpBot.Tests.Storage.Records;

public sealed class LiteDbAnalyticsStoreContractTests() : AnalyticsStoreContractTests(new LiteDbSupportRecordBackend());
