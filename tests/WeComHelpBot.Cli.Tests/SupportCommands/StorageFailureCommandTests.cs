using Npgsql;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tests.Storage;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// Storage settings that cannot work, and a PostgreSQL database that cannot be used, stop every command that touches
/// storage with one zh-CN line (the setting, or host:port/database, never the password) and exit code 2. The built CLI
/// runs as a process of its own, so the variables cannot leak into other tests.
/// </summary>
public sealed class StorageFailureCommandTests : IAsyncLifetime
{
    private const string Password = "Secret-Pw-9527";

    private readonly CliProcesses cli = new("wecomhelp-cli-storage-failure");

    public static TheoryData<string> Commands => new() { "tickets list", "users list", "stats", "chat --jsonl" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task UnknownProvider_IsRefused_NotTakenForLiteDb(string command)
    {
        var line = await RunAndExpectOneLineAsync(command, new() { ["Storage__Provider"] = "Postgress" });

        Assert.Contains("Storage:Provider", line);
        Assert.Contains("Postgress", line);
        Assert.Contains("LiteDb、Postgres", line);
        Assert.False(File.Exists(Path.Combine(cli.Folder, "wecomhelpbot.db")), "the command fell back to LiteDB");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task PostgresWithoutConnectionString_NamesTheSetting(string command)
    {
        var line = await RunAndExpectOneLineAsync(command, new() { ["Storage__Provider"] = "postgres" });

        Assert.Contains("Storage:ConnectionString", line);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task MalformedConnectionString_NamesTheSetting_WithoutQuotingIt(string command)
    {
        var line = await RunAndExpectOneLineAsync(command, new()
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = $"Hots=db;Password={Password}",
        });

        Assert.Contains("Storage:ConnectionString", line);
        Assert.DoesNotContain(Password, line);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task UnreachablePostgres_NamesHostPortAndDatabase_NotThePassword(string command)
    {
        var port = LoopbackPorts.Unused();
        var line = await RunAndExpectOneLineAsync(command, new()
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=wecomhelp;Password={Password};Database=helpdesk;Timeout=3",
        });

        Assert.Contains($"127.0.0.1:{port}/helpdesk", line);
        Assert.DoesNotContain(Password, line);
    }

    [SkippableFact]
    public async Task MissingDatabase_IsNamed()
    {
        var server = PostgresTestDatabase.RequireServer();
        var missing = "wecomhelp_missing_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = missing }.ConnectionString;

        var line = await RunAndExpectOneLineAsync("tickets list", new() { ["Storage__Provider"] = "Postgres", ["Storage__ConnectionString"] = connectionString });

        Assert.Contains($"/{missing}", line);
        Assert.Contains("没有这个数据库", line);
    }

    [SkippableFact]
    public async Task SchemaNewerThanTheBuild_SaysToUpgrade()
    {
        var database = cli.Database;
        await database.MarkSchemaNewerThanTheBuildAsync();

        var line = await RunAndExpectOneLineAsync("tickets list", new() { ["Storage__Provider"] = "Postgres", ["Storage__ConnectionString"] = database.ConnectionString });

        Assert.Contains($"第 {PostgresMigrations.LatestVersion + 1} 版", line);
        Assert.Contains("升级", line);
    }

    private async Task<string> RunAndExpectOneLineAsync(string command, Dictionary<string, string> environment)
    {
        var (code, output, error) = await CliProcesses.RunAsync(cli.Folder, environment, "你好\n", command.Split(' '));

        Assert.Equal(2, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain("   at ", error);
        Assert.Empty(output);
        return Assert.Single(lines);
    }
}
