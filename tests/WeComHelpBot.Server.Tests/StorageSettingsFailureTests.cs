using System.Net;
using Npgsql;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tests.Storage;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Storage settings that cannot work, and a PostgreSQL database that cannot be used, as the person who starts the
/// server sees them: one zh-CN line naming the setting or host:port/database (never the password) and exit code 2; a
/// database lost after start keeps the server running, reported by /healthz and /readyz and answered in turns.
/// </summary>
public sealed class StorageSettingsFailureTests : IAsyncLifetime
{
    private const string Password = "Secret-Pw-9527";

    private readonly PostgresServerSetup postgres = new("wecomhelpbot-pg-settings-");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await postgres.DisposeAsync();

    [Theory]
    [InlineData("postgre")]
    [InlineData("Postgress")]
    [InlineData("1")]
    public async Task UnknownProvider_StopsTheServer_NamingTheSettingAndTheAllowedValues(string provider)
    {
        var line = await StartAndExpectOneLineAsync(new() { ["Storage__Provider"] = provider });

        Assert.Contains("Storage:Provider", line);
        Assert.Contains(provider, line);
        Assert.Contains("LiteDb、Postgres", line);
    }

    [Fact]
    public async Task PostgresWithoutConnectionString_StopsTheServer_NamingTheSetting()
    {
        var line = await StartAndExpectOneLineAsync(new() { ["Storage__Provider"] = "Postgres" });

        Assert.Contains("Storage:ConnectionString", line);
    }

    [Fact]
    public async Task MalformedConnectionString_StopsTheServer_WithoutQuotingIt()
    {
        var line = await StartAndExpectOneLineAsync(new()
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port=abc;Password={Password}",
        });

        Assert.Contains("Storage:ConnectionString", line);
        Assert.DoesNotContain(Password, line);
    }

    [Fact]
    public async Task UnreachablePostgres_StopsTheServer_NamingHostPortAndDatabase_NotThePassword()
    {
        var port = LoopbackPorts.Unused();
        var line = await StartAndExpectOneLineAsync(new()
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=wecomhelp;Password={Password};Database=wecomhelp;Timeout=3",
        });

        Assert.Contains($"127.0.0.1:{port}/wecomhelp", line);
        Assert.DoesNotContain(Password, line);
    }

    [Fact]
    public async Task ContactKeyThatIsNotAKey_StopsTheServer_NamingTheSettingNotTheValue()
    {
        var line = await StartAndExpectOneLineAsync(new() { ["Tickets__ContactKey"] = Password });

        Assert.Contains("Tickets:ContactKey", line);
        Assert.DoesNotContain(Password, line);
    }

    [SkippableFact]
    public async Task MissingDatabase_StopsTheServer_NamingIt()
    {
        var server = PostgresTestDatabase.RequireServer();
        var missing = "wecomhelp_missing_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = missing, Password = Password }.ConnectionString;

        var line = await StartAndExpectOneLineAsync(new() { ["Storage__Provider"] = "Postgres", ["Storage__ConnectionString"] = connectionString });

        Assert.Contains($"/{missing}", line);
        Assert.Contains("没有这个数据库", line);
        Assert.DoesNotContain(Password, line);
    }

    [SkippableFact]
    public async Task SchemaNewerThanTheBuild_StopsTheServer_SayingToUpgrade()
    {
        var database = postgres.Database;
        await database.MarkSchemaNewerThanTheBuildAsync();

        var line = await StartAndExpectOneLineAsync(new() { ["Storage__Provider"] = "Postgres", ["Storage__ConnectionString"] = database.ConnectionString });

        Assert.Contains($"第 {PostgresMigrations.LatestVersion + 1} 版", line);
        Assert.Contains("升级", line);
    }

    [SkippableFact]
    public async Task DatabaseLostAfterStart_ServerKeepsRunning_Reports503_AndTurnsGetTheUsualReply()
    {
        var database = postgres.Database;
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var relay = new TcpRelay(target.Host!, target.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        await using var server = ServerProcess.Start(postgres.Data, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = throughRelay.ConnectionString,
        });
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), string.Join('\n', server.ErrorLines));
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        relay.Cut();
        // /healthz keeps its answer for a second.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        var (_, replies) = await ExpectRepliesTurn.PostAsync(client, "act-lost-1", "lost-database-1", "user-1", "王小明", "我叫王小明，电话13812345678，怎么注册企业微信");
        Assert.Contains(Channels.ChannelTexts.StorageUnavailable, replies);
        Assert.False(server.HasExited);
        var logs = server.OutputLines.Concat(server.ErrorLines).ToList();
        Assert.Contains(logs, l => l.Contains("Storage is not usable", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("the database cannot be used", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("13812345678", StringComparison.Ordinal) || l.Contains("王小明", StringComparison.Ordinal));
    }

    private async Task<string> StartAndExpectOneLineAsync(Dictionary<string, string> settings)
    {
        await using var server = ServerProcess.Start(postgres.Data, settings);
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the server kept running with storage it cannot use");

        Assert.Equal(2, server.ExitCode);
        var line = Assert.Single(server.ErrorLines, l => l.Length > 0);
        Assert.DoesNotContain(server.ErrorLines.Concat(server.OutputLines), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        return line;
    }
}
