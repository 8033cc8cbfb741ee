using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>
/// Transcript storage behaviour, run against every backend (LiteDB, PostgreSQL): lines through the masking
/// <see cref="TranscriptStore"/>, a turn's write, and two processes sharing one conversation.
/// </summary>
public abstract class TranscriptLogContractTests(SupportRecordBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await backend.DisposeAsync();

    private static TranscriptStore Door(ITranscriptLog log) =>
        new(log, new PersonalDataMasker(), TimeProvider.System, Options.Create(new SupportOptions()));

    private static TranscriptEntry Line(string conversation, DateTimeOffset at, TranscriptDirection direction, string text) =>
        new(conversation, "webchat", at, direction, text);

    [SkippableFact]
    public async Task ATurnsLines_ReadBackInOrder_WithTheirFields()
    {
        var store = Door(backend.StartProcess().Transcripts);
        await store.AppendAsync(
        [
            Line("c1", Noon, TranscriptDirection.Incoming, "法人信息校验失败咋办"),
            Line("c1", Noon, TranscriptDirection.Outgoing, "先核对营业执照上的法定代表人姓名。"),
            Line("c1", Noon.AddMilliseconds(3), TranscriptDirection.Outgoing, "有帮助吗？"),
        ]);
        await store.AppendAsync(Line("c1", Noon.AddSeconds(5), TranscriptDirection.Incoming, "没帮助"));

        var lines = await store.GetConversationAsync("c1");

        Assert.Equal(["法人信息校验失败咋办", "先核对营业执照上的法定代表人姓名。", "有帮助吗？", "没帮助"], lines.Select(l => l.Text).ToArray());
        Assert.Equal(
            [TranscriptDirection.Incoming, TranscriptDirection.Outgoing, TranscriptDirection.Outgoing, TranscriptDirection.Incoming],
            lines.Select(l => l.Direction).ToArray());
        Assert.All(lines, l => Assert.Equal(("c1", "webchat"), (l.ConversationId, l.ChannelId)));
        Assert.Equal(Noon.AddMilliseconds(3), lines[2].Timestamp);
    }

    [SkippableFact]
    public async Task LinesOfTwoConversations_AreKeptApart()
    {
        var store = Door(backend.StartProcess().Transcripts);
        await store.AppendAsync([Line("a", Noon, TranscriptDirection.Incoming, "你好"), Line("b", Noon, TranscriptDirection.Incoming, "在吗")]);

        Assert.Equal(["你好"], (await store.GetConversationAsync("a")).Select(l => l.Text).ToArray());
        Assert.Equal(["在吗"], (await store.GetConversationAsync("b")).Select(l => l.Text).ToArray());
        Assert.Empty(await store.GetConversationAsync("nobody"));
    }

    [SkippableFact]
    public async Task DeletingOldLines_CountsThem_AndKeepsTheRest()
    {
        var store = Door(backend.StartProcess().Transcripts);
        await store.AppendAsync([Line("c1", Noon.AddDays(-40), TranscriptDirection.Incoming, "旧问题"), Line("c1", Noon.AddDays(-40), TranscriptDirection.Outgoing, "旧回答")]);
        await store.AppendAsync(Line("c1", Noon, TranscriptDirection.Incoming, "新问题"));

        Assert.Equal(2, await store.DeleteOlderThanAsync(Noon.AddDays(-30)));
        Assert.Equal(["新问题"], (await store.GetConversationAsync("c1")).Select(l => l.Text).ToArray());
    }

    [SkippableFact]
    public async Task APhoneNumber_IsStoredMasked()
    {
        var store = Door(backend.StartProcess().Transcripts);
        await store.AppendAsync(Line("c1", Noon, TranscriptDirection.Incoming, "我手机13812345678收不到验证码"));

        var stored = Assert.Single(await backend.ReadStoredTranscriptTextsAsync());
        Assert.DoesNotContain("13812345678", stored, StringComparison.Ordinal);
        Assert.Contains("收不到验证码", stored, StringComparison.Ordinal);
        Assert.Equal(stored, Assert.Single(await store.GetConversationAsync("c1")).Text);
    }

    [SkippableFact]
    public async Task TextsWithNuls_AreStored_AndDoNotSinkTheTurnsWrittenWithThem()
    {
        var (odd, plain) = await WriteOddAndPlainTurnsAsync("前\0后");

        Assert.Equal("正常的一句", plain);
        Assert.StartsWith("前", odd, StringComparison.Ordinal);
        Assert.EndsWith("后", odd, StringComparison.Ordinal);
    }

    /// <summary>Writes a turn with <paramref name="oddText"/> and a plain one back to back (a batching backend writes them together); returns both as read back.</summary>
    protected async Task<(string Odd, string Plain)> WriteOddAndPlainTurnsAsync(string oddText)
    {
        var process = backend.StartProcess();
        var door = Door(process.Transcripts);
        var odd = door.Mask([Line("odd", Noon, TranscriptDirection.Incoming, oddText)]);
        var plain = door.Mask([Line("plain", Noon, TranscriptDirection.Incoming, "正常的一句")]);

        await Task.WhenAll(process.Turns.AppendTurnAsync(odd, []), process.Turns.AppendTurnAsync(plain, []));

        return (Assert.Single(await door.GetConversationAsync("odd")).Text, Assert.Single(await door.GetConversationAsync("plain")).Text);
    }

    [SkippableFact]
    public async Task TwoProcesses_AppendToOneConversation_AndBothReadItInOrder()
    {
        var first = Door(backend.StartProcess().Transcripts);
        var second = Door(backend.StartProcess().Transcripts);

        // Turns alternate between the processes, two of them in the same millisecond.
        await first.AppendAsync([Line("c1", Noon, TranscriptDirection.Incoming, "1 注册要啥材料"), Line("c1", Noon, TranscriptDirection.Outgoing, "2 营业执照")]);
        await second.AppendAsync([Line("c1", Noon, TranscriptDirection.Incoming, "3 个体户呢"), Line("c1", Noon, TranscriptDirection.Outgoing, "4 也可以")]);
        await first.AppendAsync(Line("c1", Noon.AddSeconds(2), TranscriptDirection.Incoming, "5 好的"));
        await second.AppendAsync(Line("c1", Noon.AddSeconds(3), TranscriptDirection.Outgoing, "6 还有别的问题吗"));

        string[] expected = ["1 注册要啥材料", "2 营业执照", "3 个体户呢", "4 也可以", "5 好的", "6 还有别的问题吗"];
        Assert.Equal(expected, (await first.GetConversationAsync("c1")).Select(l => l.Text).ToArray());
        Assert.Equal(expected, (await second.GetConversationAsync("c1")).Select(l => l.Text).ToArray());
    }

    [SkippableFact]
    public async Task ATurnsWrite_StoresItsLinesAndEvents_ForEveryProcessToRead()
    {
        var first = backend.StartProcess();
        var second = backend.StartProcess();
        var door = Door(first.Transcripts);
        var lines = door.Mask([Line("c1", Noon, TranscriptDirection.Incoming, "电话13812345678能认证吗"), Line("c1", Noon, TranscriptDirection.Outgoing, "可以")]);

        await first.Turns.AppendTurnAsync(lines, [new AnalyticsEvent(AnalyticsEventType.ConversationStarted, "c1", Noon) { ChannelId = "webchat" }]);

        // The writing process reads its own turn at once; another process once the write is committed, which its
        // reader caused.
        Assert.Equal(2, (await first.Transcripts.GetConversationAsync("c1")).Count);
        var seen = await Door(second.Transcripts).GetConversationAsync("c1");
        Assert.Equal(["电话138****5678能认证吗", "可以"], seen.Select(l => l.Text).ToArray());
        var started = Assert.Single(await second.Analytics.GetEventsAsync(null, null));
        Assert.Equal((AnalyticsEventType.ConversationStarted, "c1", "webchat"), (started.Type, started.ConversationId, started.ChannelId));
    }
}
