using LiteDB;
using Newtonsoft.Json.Linq;
using WeComHelpBot.Channels;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Bench;

/// <summary>
/// After the server has stopped: reads its LiteDB file (read-only) and compares, per conversation, the turn count
/// saved in conversation state and the number of incoming transcript lines with the number of turns sent.
/// </summary>
public static class StateCheck
{
    /// <returns>One line per conversation whose saved state or transcript does not match what was sent.</returns>
    public static IReadOnlyList<string> Verify(string databaseFile, string channelId, IReadOnlyDictionary<string, int> sentTurns)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = databaseFile, Connection = ConnectionType.Direct, ReadOnly = true });
        var state = database.GetCollection(LiteDbStorage.CollectionName);
        var transcripts = database.GetCollection(LiteDbTranscriptStore.CollectionName);
        var incoming = transcripts.FindAll()
            .SelectMany(LiteDbTranscriptStore.EntriesOf)
            .Where(line => line.Direction == TranscriptDirection.Incoming)
            .GroupBy(line => line.ConversationId)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var (conversation, sent) in sentTurns)
        {
            var document = state.FindOne(Query.EQ("key", $"{channelId}/conversations/{conversation}"));
            var counted = document is null ? 0 : JObject.Parse(document["json"].AsString).Value<int?>(ConversationTurnCounter.PropertyName) ?? 0;
            var logged = incoming.GetValueOrDefault(conversation);
            if (counted != sent || logged != sent)
            {
                problems.Add($"{conversation}: sent {sent} turns, state counts {counted}, transcript has {logged} incoming lines");
            }
        }

        return problems;
    }
}
