using Npgsql;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// What a test of servers on PostgreSQL sets up and drops again: a private test schema, made on first use inside the
/// test so a missing server skips (or fails) only the tests that need one; a temp data folder for server processes;
/// the settings that point a server at the schema; and reading rows back to check what the servers stored.
/// </summary>
public sealed class PostgresServerSetup : IAsyncDisposable
{
    private readonly string dataPrefix;
    private PostgresTestDatabase? database;
    private string? data;

    public PostgresServerSetup(string dataPrefix) => this.dataPrefix = dataPrefix;

    public PostgresTestDatabase Database => database ??= PostgresTestDatabase.Create();

    public string Data => data ??= Directory.CreateTempSubdirectory(dataPrefix).FullName;

    /// <summary>The environment of a server process on <see cref="Database"/>.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__ConnectionString"] = Database.ConnectionString,
    };

    /// <summary>An in-process server on <see cref="Database"/>; the caller disposes it.</summary>
    public HelpBotServerFactory CreateFactory() => new HelpBotServerFactory()
        .WithSetting("Storage:Provider", "Postgres")
        .WithSetting("Storage:ConnectionString", Database.ConnectionString);

    public async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (data is not null)
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
