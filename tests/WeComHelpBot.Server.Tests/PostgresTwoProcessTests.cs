using System.Net;
using System.Text.Json;
using Npgsql;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Two real server processes on one PostgreSQL database, each conversation's turns alternating between them through
/// POST /api/messages (expectReplies), several conversations at once: no turn may be lost or run twice at once, so each
/// conversation's saved turn count equals the turns it was sent and every turn is answered, and its transcript in the
/// shared database holds every message it was sent.
/// </summary>
public sealed class PostgresTwoProcessTests : IAsyncLifetime
{
    private const int Conversations = 6;
    private const int TurnsEach = 8;

    private readonly PostgresServerSetup postgres = new("wecomhelpbot-pg-two-");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await postgres.DisposeAsync();

    [SkippableFact]
    public async Task ConversationsAlternatingBetweenTwoProcesses_KeepEveryTurn()
    {
        var settings = postgres.Environment();
        // A data folder each: what is still kept in the LiteDB file (opened for one process) stays per process.
        await using var first = ServerProcess.Start(Directory.CreateDirectory(Path.Combine(postgres.Data, "a")).FullName, settings);
        await using var second = ServerProcess.Start(Directory.CreateDirectory(Path.Combine(postgres.Data, "b")).FullName, settings);
        Assert.True(await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), string.Join('\n', first.ErrorLines));
        Assert.True(await second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), string.Join('\n', second.ErrorLines));
        using var toFirst = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var toSecond = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var clients = new[] { toFirst, toSecond };

        // Each conversation sends its turns one after another, alternating servers; two conversations also send a
        // second message at once to the other server, so the cross-process lock has to order them.
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async c =>
        {
            for (var turn = 0; turn < TurnsEach; turn += 2)
            {
                var a = PostAsync(clients[turn % 2], c, turn, "你好");
                var b = PostAsync(clients[(turn + 1) % 2], c, turn + 1, "怎么注册企业微信");
                await Task.WhenAll(a, b);
            }
        }));

        for (var c = 0; c < Conversations; c++)
        {
            Assert.Equal(TurnsEach, await SavedTurnCountAsync($"two-process-{c}"));
        }

        // Both processes wrote each conversation's transcript (behind its turns, so allow them a moment to land).
        var incoming = await IncomingLineCountsAsync();
        for (var wait = 0; wait < 50 && incoming.Values.Any(n => n < TurnsEach); wait++)
        {
            await Task.Delay(200);
            incoming = await IncomingLineCountsAsync();
        }

        Assert.Equal(
            Enumerable.Range(0, Conversations).ToDictionary(c => $"two-process-{c}", _ => TurnsEach),
            incoming);
    }

    private async Task<Dictionary<string, int>> IncomingLineCountsAsync() =>
        (await postgres.ReadAsync(
            "SELECT substring(conversation from 'two-process-[0-9]+$'), count(*) FROM transcript_lines WHERE direction = 'Incoming' GROUP BY 1",
            r => (Conversation: r.GetString(0), Lines: (int)r.GetInt64(1))))
        .ToDictionary(row => row.Conversation, row => row.Lines);

    private static async Task PostAsync(HttpClient client, int conversation, int turn, string text)
    {
        var (status, replies) = await ExpectRepliesTurn.PostAsync(
            client, $"act-{conversation}-{turn}", $"two-process-{conversation}", $"user-{conversation}", "张三", text);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(replies, r => r is { Length: > 0 });
    }

    private async Task<int> SavedTurnCountAsync(string conversationId)
    {
        await using var connection = new NpgsqlConnection(postgres.Database.ConnectionString);
        await connection.OpenAsync();
        // The server keys a conversation as "emulator/conversations/<its own prefix>:<conversation id>".
        await using var command = new NpgsqlCommand("SELECT json FROM bot_state WHERE key LIKE @key", connection);
        command.Parameters.AddWithValue("key", $"emulator/conversations/%:{conversationId}");
        var json = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return FindTurnCount(document.RootElement) ?? throw new Xunit.Sdk.XunitException("no turnCount in " + json);
    }

    private static int? FindTurnCount(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "turnCount" && property.Value.ValueKind == JsonValueKind.Number)
            {
                return property.Value.GetInt32();
            }

            if (FindTurnCount(property.Value) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
