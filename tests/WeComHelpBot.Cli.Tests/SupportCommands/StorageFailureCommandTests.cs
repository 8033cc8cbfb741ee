using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// Storage settings that cannot work, and a PostgreSQL database that cannot be used, stop every command that touches
/// storage with one zh-CN line (the setting, or host:port/database, never the password) and exit code 2. The built CLI
/// runs as a process of its own, so the variables cannot leak into other tests.
/// </summary>
public sealed class StorageFailureCommandTests : IAsyncLifetime
{
    private const string Password = "Secret-Pw-9527";

    private readonly string data = Path.Combine(Path.GetTempPath(), "wecomhelp-cli-storage-failure", Guid.NewGuid().ToString("N"));
    private PostgresTestDatabase? database;

    public static TheoryData<string> Commands => new() { "tickets list", "users list", "stats", "chat --jsonl" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task UnknownProvider_IsRefused_NotTakenForLiteDb(string command)
    {
        var line = await RunAndExpectOneLineAsync(command, new() { ["Storage__Provider"] = "Postgress" });

        Assert.Contains("Storage:Provider", line);
        Assert.Contains("Postgress", line);
        Assert.Contains("LiteDb、Postgres", line);
        Assert.False(File.Exists(Path.Combine(data, "wecomhelpbot.db")), "the command fell back to LiteDB");
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
        var port = ClosedPort();
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
        database = PostgresTestDatabase.Create();
        await database.Database.MigrateAsync();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand($"INSERT INTO schema_migrations (version) VALUES ({PostgresMigrations.LatestVersion + 1})", connection);
            await insert.ExecuteNonQueryAsync();
        }

        var line = await RunAndExpectOneLineAsync("tickets list", new() { ["Storage__Provider"] = "Postgres", ["Storage__ConnectionString"] = database.ConnectionString });

        Assert.Contains($"第 {PostgresMigrations.LatestVersion + 1} 版", line);
        Assert.Contains("升级", line);
    }

    private async Task<string> RunAndExpectOneLineAsync(string command, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wecomhelp.dll"));
        foreach (var arg in command.Split(' '))
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("你好\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain("   at ", await error);
        Assert.Empty(await output);
        return Assert.Single(lines);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
