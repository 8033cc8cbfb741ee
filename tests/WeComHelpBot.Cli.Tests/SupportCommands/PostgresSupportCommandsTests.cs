using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Tests.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// `wecomhelp users|tickets` with <c>Storage__Provider=Postgres</c> and <c>Storage__ConnectionString</c> in the
/// environment, as an administrator runs them beside servers on PostgreSQL: the built CLI as a process of its own (the
/// variables are the process's, so they cannot leak into the other tests of this run).
/// </summary>
public sealed class PostgresSupportCommandsTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wecomhelp-cli-pg-tests", Guid.NewGuid().ToString("N"));
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
    public async Task UsersAndTickets_ReadAndWriteThePostgresDatabase_FromAnyDataFolder()
    {
        database = PostgresTestDatabase.Create();
        var number = await SeedTicketAsync(Path.Combine(folder, "server"));
        // Every process that reads tickets needs the key their contact phones were encrypted with (README, PostgreSQL).
        Directory.CreateDirectory(Path.Combine(folder, "other"));
        File.Copy(Path.Combine(folder, "server", "ticket-contact.key"), Path.Combine(folder, "other", "ticket-contact.key"));

        var added = await CliAsync(Path.Combine(folder, "admin"), "Lead-pass-2026\n", "users", "add", "laoli", "--role", "lead");
        var users = await CliAsync(Path.Combine(folder, "other"), string.Empty, "users", "list");
        var list = await CliAsync(Path.Combine(folder, "server"), string.Empty, "tickets", "list");
        var close = await CliAsync(Path.Combine(folder, "other"), string.Empty, "tickets", "close", number);
        var closed = await CliAsync(Path.Combine(folder, "server"), string.Empty, "tickets", "list", "--status", "closed");

        Assert.True(added.Code == 0, added.Error);
        Assert.Contains("laoli", users.Output);
        Assert.True(list.Code == 0, list.Error);
        Assert.Contains(number, list.Output);
        Assert.Contains("福州闽江小吃店", list.Output);
        Assert.True(close.Code == 0, close.Error);
        Assert.Contains(number, closed.Output);
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
        await using var provider = services.BuildServiceProvider();
        var ticket = await provider.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("conv-pg", "13812345678", "福州闽江小吃店", "对公打款验证超时", "三天没到账"));
        return ticket.Number;
    }

    private async Task<(int Code, string Output, string Error)> CliAsync(string data, string input, params string[] args)
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
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
