using Newtonsoft.Json.Linq;
using Npgsql;
using WeComHelpBot.Channels;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Bench;

/// <summary>
/// Reads conversations' saved state from the <c>bot_state</c> table of a scale-out run: after the run, to compare with
/// what the clients had committed, and during it, to settle a turn that got no reply (a crash or a timeout) before the
/// client decides whether to send it again.
/// </summary>
public static class PostgresStateCheck
{
    /// <summary>The Bot Builder ConversationState key of a conversation.</summary>
    public static string StateKey(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>The saved state of each conversation (<see cref="SavedConversation.None"/> for one with none).</summary>
    public static async Task<IReadOnlyDictionary<string, SavedConversation>> ReadAsync(BenchPostgres database, string channelId, IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT key, json FROM bot_state WHERE key = ANY(@keys)", connection);
        command.Parameters.AddWithValue("keys", conversationIds.Select(id => StateKey(channelId, id)).ToArray());
        var byKey = new Dictionary<string, SavedConversation>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byKey[reader.GetString(0)] = Parse(reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        return conversationIds.ToDictionary(id => id, id => byKey.GetValueOrDefault(StateKey(channelId, id)) ?? SavedConversation.None, StringComparer.Ordinal);
    }

    /// <summary>
    /// The saved state of one conversation once no turn of it is running anywhere: the read waits for the same
    /// per-conversation lock the servers hold for a turn, so a turn still running (or a crashed process's transaction
    /// the database has not yet ended) is committed or gone before the state is read.
    /// </summary>
    public static async Task<SavedConversation> ReadSettledAsync(BenchPostgres database, string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            wait.Parameters.AddWithValue("key", PostgresConversationLock.LockKey(conversationId));
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand("SELECT json FROM bot_state WHERE key = @key", connection, transaction);
        read.Parameters.AddWithValue("key", StateKey(channelId, conversationId));
        var json = await read.ExecuteScalarAsync(cancellationToken) as string;
        await transaction.CommitAsync(cancellationToken);
        return Parse(json);
    }

    /// <summary>One line per conversation whose saved turn count is not the number of turns sent to it.</summary>
    public static IReadOnlyList<string> Verify(IReadOnlyDictionary<string, int> sentTurns, IReadOnlyDictionary<string, SavedConversation> saved) =>
        sentTurns.Where(pair => saved[pair.Key].TurnCount != pair.Value)
            .Select(pair => $"{pair.Key}: sent {pair.Value} turns, state counts {saved[pair.Key].TurnCount}")
            .ToList();

    private static SavedConversation Parse(string? json)
    {
        if (json is null)
        {
            return SavedConversation.None;
        }

        var state = JObject.Parse(json);
        // The storage serializer names types, so a list is saved as {"$type": …, "$values": […]}.
        var stack = Property(state["DialogState"], "dialogStack");
        var entries = stack as JArray ?? Property(stack, "$values") as JArray;
        return new SavedConversation(state.Value<int?>(ConversationTurnCounter.PropertyName) ?? 0, entries?.Count ?? 0);
    }

    private static JToken? Property(JToken? token, string name) =>
        (token as JObject)?.Properties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
