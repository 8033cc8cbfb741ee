using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>
/// A private schema on the test server; each "process" has its own connection pool and its own background writer, as
/// separate server processes would. Made on first use, inside the test, so a missing server skips (or fails) the test.
/// </summary>
public sealed class PostgresSupportRecordBackend : SupportRecordBackend
{
    private readonly List<PostgresDatabase> extraDatabases = [];
    private readonly List<PostgresRecordWriter> writers = [];
    private PostgresTestDatabase? test;

    public override SupportRecordProcess StartProcess()
    {
        PostgresDatabase database;
        if (test is null)
        {
            test = PostgresTestDatabase.Create();
            database = test.Database;
        }
        else
        {
            database = new PostgresDatabase(test.ConnectionString, NullLogger<PostgresDatabase>.Instance);
            extraDatabases.Add(database);
        }

        var writer = new PostgresRecordWriter(database, NullLogger<PostgresRecordWriter>.Instance);
        writers.Add(writer);
        return new SupportRecordProcess(
            new PostgresTranscriptStore(database, writer),
            new PostgresAnalyticsStore(database, writer),
            new PostgresTurnRecordStore(writer));
    }

    public override Task<IReadOnlyList<string>> ReadStoredTranscriptTextsAsync() => ReadTextsAsync("SELECT text FROM transcript_lines ORDER BY id");

    public override Task<IReadOnlyList<string>> ReadStoredEventTextsAsync() => ReadTextsAsync("SELECT text FROM analytics_events WHERE text IS NOT NULL ORDER BY id");

    private async Task<IReadOnlyList<string>> ReadTextsAsync(string sql)
    {
        foreach (var writer in writers)
        {
            await writer.FlushAsync();
        }

        await using var connection = new NpgsqlConnection(test!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        foreach (var database in extraDatabases)
        {
            await database.DisposeAsync();
        }

        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }
}
