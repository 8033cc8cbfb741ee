namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>The transcript contract on a real PostgreSQL server (skipped without one, failed under CI).</summary>
public sealed class PostgresTranscriptLogContractTests() : TranscriptLogContractTests(new PostgresSupportRecordBackend())
{
    [SkippableFact]
    public async Task AnUnpairedSurrogate_IsReplaced_AndDoesNotSinkTheTurnsWrittenWithIt()
    {
        var (odd, plain) = await WriteOddAndPlainTurnsAsync("前\uD800后");

        Assert.Equal("正常的一句", plain);
        Assert.Equal("前\uFFFD后", odd);
    }
}
