using LiteDB;
using Microsoft.Extensions.Options;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Support;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Privacy;

/// <summary>How lines are kept: a turn's lines in one document, older one-line documents still read, retention by line.</summary>
public sealed class TranscriptStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);
    private readonly LiteDatabase database;
    private readonly TranscriptStore store;

    public TranscriptStoreTests()
    {
        database = provider.GetDatabase(folder.File("t.db"));
        store = new TranscriptStore(new LiteDbTranscriptStore(database), new PersonalDataMasker(), TimeProvider.System, Options.Create(new SupportOptions()));
    }

    public void Dispose()
    {
        provider.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task ATurnsLines_AreOneDocument_AndReadBackInOrder()
    {
        await store.AppendAsync(
        [
            new TranscriptEntry("c1", "bench", Noon, TranscriptDirection.Incoming, "法人信息校验失败怎么办"),
            new TranscriptEntry("c1", "bench", Noon, TranscriptDirection.Outgoing, "先核对营业执照上的法定代表人姓名。"),
            new TranscriptEntry("c1", "bench", Noon.AddMilliseconds(3), TranscriptDirection.Outgoing, "有帮助吗？"),
        ]);
        await store.AppendAsync([new TranscriptEntry("c1", "bench", Noon.AddSeconds(5), TranscriptDirection.Incoming, "没帮助")]);

        Assert.Equal(2, database.GetCollection(LiteDbTranscriptStore.CollectionName).Count());
        var lines = await store.GetConversationAsync("c1");
        Assert.Equal(["法人信息校验失败怎么办", "先核对营业执照上的法定代表人姓名。", "有帮助吗？", "没帮助"], lines.Select(l => l.Text).ToArray());
        Assert.Equal(TranscriptDirection.Outgoing, lines[2].Direction);
        Assert.Equal(Noon.AddMilliseconds(3), lines[2].Timestamp);
    }

    [Fact]
    public async Task LinesOfTwoConversations_AreKeptApart()
    {
        await store.AppendAsync(
        [
            new TranscriptEntry("a", "bench", Noon, TranscriptDirection.Incoming, "你好"),
            new TranscriptEntry("b", "bench", Noon, TranscriptDirection.Incoming, "在吗"),
        ]);

        Assert.Equal(["你好"], (await store.GetConversationAsync("a")).Select(l => l.Text).ToArray());
        Assert.Equal(["在吗"], (await store.GetConversationAsync("b")).Select(l => l.Text).ToArray());
    }

    [Fact]
    public async Task OneLineDocumentsFromBefore_AreReadWithTheNewOnes()
    {
        database.GetCollection(LiteDbTranscriptStore.CollectionName).Insert(new BsonDocument
        {
            ["conversation"] = "c1",
            ["channel"] = "bench",
            ["time"] = Noon.AddMinutes(-1).UtcDateTime,
            ["direction"] = "Incoming",
            ["text"] = "旧的一行",
        });
        await store.AppendAsync([new TranscriptEntry("c1", "bench", Noon, TranscriptDirection.Incoming, "新的一行")]);

        Assert.Equal(["旧的一行", "新的一行"], (await store.GetConversationAsync("c1")).Select(l => l.Text).ToArray());
    }

    [Fact]
    public async Task DeletingOldTurns_CountsTheirLines()
    {
        await store.AppendAsync(
        [
            new TranscriptEntry("c1", "bench", Noon.AddDays(-40), TranscriptDirection.Incoming, "旧问题"),
            new TranscriptEntry("c1", "bench", Noon.AddDays(-40), TranscriptDirection.Outgoing, "旧回答"),
        ]);
        await store.AppendAsync([new TranscriptEntry("c1", "bench", Noon, TranscriptDirection.Incoming, "新问题")]);

        Assert.Equal(2, await store.DeleteOlderThanAsync(Noon.AddDays(-30)));
        Assert.Equal(["新问题"], (await store.GetConversationAsync("c1")).Select(l => l.Text).ToArray());
    }
}
