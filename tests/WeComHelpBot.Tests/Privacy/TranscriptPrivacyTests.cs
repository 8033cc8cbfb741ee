using System.Text;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Tests.Privacy;

public sealed class TranscriptPrivacyTests : IDisposable
{
    private const string RawPhone = "13912345678";
    private const string RawId = "110105194912310029";
    private const string RawAccount = "6222020200001234567";

    private readonly SupportTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task RawNumbersTypedInChat_CannotBeFoundInTheDatabaseFile()
    {
        var adapter = NewAdapter("conv-privacy");
        // The bot repeats what it heard, so outgoing activities carry the raw values too.
        await new TestFlow(adapter, async (turn, ct) => await turn.SendActivityAsync($"收到：{turn.Activity.Text}", cancellationToken: ct))
            .Send($"我手机{RawPhone}，法人身份证{RawId}")
            .AssertReply(a => Assert.StartsWith("收到：", a.AsMessageActivity().Text))
            .Send($"对公账号 {RawAccount} 打款三天了还没到")
            .AssertReply(a => Assert.StartsWith("收到：", a.AsMessageActivity().Text))
            .Send("电话也可以打 139-1234-5678")
            .AssertReply(a => Assert.StartsWith("收到：", a.AsMessageActivity().Text))
            .StartTestAsync();

        var stored = await host.Get<TranscriptStore>().GetConversationAsync("conv-privacy");
        Assert.Equal(6, stored.Count);
        Assert.Contains(stored, e => e.Direction == TranscriptDirection.Incoming && e.Text.Contains("139****5678"));
        Assert.Contains(stored, e => e.Direction == TranscriptDirection.Outgoing && e.Text.Contains("110************029"));
        host.CloseDatabase();

        var bytes = await File.ReadAllBytesAsync(host.DatabaseFile);
        foreach (var raw in new[] { RawPhone, RawId, RawAccount, "139-1234-5678", "1234-5678" })
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(raw)), $"UTF-8 {raw} found in the database file");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(raw)), $"UTF-16 {raw} found in the database file");
            Assert.False(Contains(bytes, Encoding.BigEndianUnicode.GetBytes(raw)), $"UTF-16BE {raw} found in the database file");
        }

        // The search itself works: the masked form is there.
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes("139****5678")));
    }

    [Fact]
    public async Task Middleware_StoresBothDirections_InOrder_WithChoices()
    {
        var adapter = NewAdapter("conv-order");
        await new TestFlow(adapter, async (turn, ct) =>
            {
                var reply = MessageFactory.SuggestedActions(new List<string> { "有帮助", "没帮助" }, "人脸识别要法人本人扫脸。", null, null);
                await turn.SendActivityAsync(reply, ct);
            })
            .Send("人脸识别怎么弄")
            .AssertReply(_ => { })
            .StartTestAsync();

        var stored = await host.Get<TranscriptStore>().GetConversationAsync("conv-order");

        Assert.Collection(
            stored,
            e => Assert.Equal((TranscriptDirection.Incoming, "人脸识别怎么弄"), (e.Direction, e.Text)),
            e =>
            {
                Assert.Equal(TranscriptDirection.Outgoing, e.Direction);
                Assert.Equal("人脸识别要法人本人扫脸。\n[选项] 有帮助 | 没帮助", e.Text);
            });
    }

    [Fact]
    public async Task Retention_DeletesOnlyTranscriptsOlderThanTheSetting()
    {
        using var retained = new SupportTestHost(o => o.TranscriptRetentionDays = 30);
        var store = retained.Get<TranscriptStore>();
        await store.AppendAsync(new TranscriptEntry("c", "test", retained.Time.GetUtcNow().AddDays(-45), TranscriptDirection.Incoming, "很久以前的问题"));
        await store.AppendAsync(new TranscriptEntry("c", "test", retained.Time.GetUtcNow().AddDays(-29), TranscriptDirection.Incoming, "上个月的问题"));
        await store.AppendAsync(new TranscriptEntry("c", "test", retained.Time.GetUtcNow(), TranscriptDirection.Incoming, "今天的问题"));

        var deleted = await store.ApplyRetentionAsync();

        Assert.Equal(1, deleted);
        Assert.Equal(["上个月的问题", "今天的问题"], (await store.GetConversationAsync("c")).Select(e => e.Text));
    }

    [Fact]
    public async Task Retention_RunsAtStartUp_WhenConfigured()
    {
        using var retained = new SupportTestHost(o => o.TranscriptRetentionDays = 7);
        await retained.Get<TranscriptStore>().AppendAsync(new TranscriptEntry("c", "test", retained.Time.GetUtcNow(), TranscriptDirection.Incoming, "旧消息"));
        retained.Time.Advance(TimeSpan.FromDays(8));

        retained.Restart();

        Assert.Empty(await retained.Get<TranscriptStore>().GetConversationAsync("c"));
    }

    [Fact]
    public async Task Retention_NotConfigured_KeepsEverything()
    {
        var store = host.Get<TranscriptStore>();
        await store.AppendAsync(new TranscriptEntry("c", "test", host.Time.GetUtcNow().AddDays(-400), TranscriptDirection.Incoming, "去年的问题"));

        Assert.Equal(0, await store.ApplyRetentionAsync());
        Assert.Single(await store.GetConversationAsync("c"));
    }

    private TestAdapter NewAdapter(string conversationId)
    {
        var conversation = TestAdapter.CreateConversation(conversationId);
        conversation.Conversation.Id = conversationId;
        var adapter = new TestAdapter(conversation) { Locale = "zh-CN" };
        adapter.Use(host.Get<MaskingTranscriptMiddleware>());
        return adapter;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
