using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Tests.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// Processes sharing one PostgreSQL database, each with its own data folder, read each other's tickets when they are
/// given the same Tickets__ContactKey: no key file copied by hand. This test process writes the ticket; `wecomhelp`,
/// a process of its own with another data folder, reads it (and one without the key is refused).
/// </summary>
public sealed class PostgresContactKeySettingTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wecomhelp-cli-pg-key-tests", Guid.NewGuid().ToString("N"));
    private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private PostgresTestDatabase? database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task TwoDataFolders_WithTheSameConfiguredKey_ReadEachOthersTickets()
    {
        database = PostgresTestDatabase.Create();
        var writer = Path.Combine(folder, "server-a");
        var number = await SeedTicketAsync(writer);

        var shown = await CliAsync(Path.Combine(folder, "server-b"), key, "tickets", "show", number);
        var closed = await CliAsync(Path.Combine(folder, "server-b"), key, "tickets", "close", number);
        var withoutKey = await CliAsync(Path.Combine(folder, "server-c"), null, "tickets", "show", number);

        Assert.True(shown.Code == 0, shown.Error);
        Assert.Contains("13812345678", shown.Output);
        Assert.True(closed.Code == 0, closed.Error);
        Assert.False(File.Exists(Path.Combine(writer, "ticket-contact.key")), "the configured key must win over a data-folder file");
        Assert.False(File.Exists(Path.Combine(folder, "server-b", "ticket-contact.key")));
        Assert.Equal(2, withoutKey.Code);
        Assert.DoesNotContain(key, shown.Output + shown.Error + withoutKey.Error);
    }

    private async Task<string> SeedTicketAsync(string data)
    {
        var paths = new BotPaths { DataDirectory = data };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        services.Configure<StorageOptions>(options =>
        {
            options.Provider = StorageProvider.Postgres;
            options.ConnectionString = database!.ConnectionString;
        });
        services.Configure<TicketOptions>(options => options.ContactKey = key);
        await using var provider = services.BuildServiceProvider();
        var ticket = await provider.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("conv-pg-key", "13812345678", "厦门鹭岛茶行", "营业执照认证失败", "上传了三次都不行"));
        return ticket.Number;
    }

    private async Task<(int Code, string Output, string Error)> CliAsync(string data, string? contactKey, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wecomhelp.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        start.Environment["Storage__Provider"] = "Postgres";
        start.Environment["Storage__ConnectionString"] = database!.ConnectionString;
        if (contactKey is not null)
        {
            start.Environment["Tickets__ContactKey"] = contactKey;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
