using LiteDB;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>A LiteDB file in a temp folder; its "processes" share the one open database and write queue, as one server's services do.</summary>
public sealed class LiteDbSupportRecordBackend : SupportRecordBackend
{
    private readonly TempFolder folder = new();
    private readonly LiteDatabaseProvider provider = new(ConnectionType.Direct);
    private readonly LiteDatabase database;
    private readonly LiteDbWriteQueue writes;

    public LiteDbSupportRecordBackend()
    {
        database = provider.GetDatabase(folder.File("records.db"));
        writes = new LiteDbWriteQueue(database);
    }

    public override SupportRecordProcess StartProcess()
    {
        var transcripts = new LiteDbTranscriptStore(database);
        var analytics = new LiteDbAnalyticsStore(database);
        return new SupportRecordProcess(transcripts, analytics, new LiteDbTurnRecordStore(transcripts, analytics, writes));
    }

    public override Task<IReadOnlyList<string>> ReadStoredTranscriptTextsAsync()
    {
        IReadOnlyList<string> texts = database.GetCollection(LiteDbTranscriptStore.CollectionName).FindAll()
            .SelectMany(LiteDbTranscriptStore.EntriesOf)
            .Select(line => line.Text)
            .ToList();
        return Task.FromResult(texts);
    }

    public override Task<IReadOnlyList<string>> ReadStoredEventTextsAsync()
    {
        IReadOnlyList<string> texts = database.GetCollection(LiteDbAnalyticsStore.CollectionName).FindAll()
            .Where(d => d.TryGetValue("text", out var text) && text.IsString)
            .Select(d => d["text"].AsString)
            .ToList();
        return Task.FromResult(texts);
    }

    public override ValueTask DisposeAsync()
    {
        writes.Dispose();
        provider.Dispose();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
