using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Tests.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// The built `wecomhelp` run as a process of its own, as an administrator runs it beside servers: its environment
/// variables are the process's, so they cannot leak into the other tests of this run. Data folders go under a temp
/// <see cref="Folder"/>, and a private PostgreSQL schema is made on first use, inside the test, so a missing server
/// skips (or fails) only the tests that need one. Both are dropped on dispose.
/// </summary>
public sealed class CliProcesses : IAsyncDisposable
{
    private PostgresTestDatabase? database;

    public CliProcesses(string name) => Folder = Path.Combine(Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));

    public string Folder { get; }

    public PostgresTestDatabase Database => database ??= PostgresTestDatabase.Create();

    /// <summary>The variables that point the CLI at <see cref="Database"/>, with a configured contact key if given.</summary>
    public Dictionary<string, string> PostgresEnvironment(string? contactKey = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = Database.ConnectionString,
        };
        if (contactKey is not null)
        {
            environment["Tickets__ContactKey"] = contactKey;
        }

        return environment;
    }

    public static async Task<(int Code, string Output, string Error)> RunAsync(
        string data, IReadOnlyDictionary<string, string> environment, string input, IEnumerable<string> args)
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
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Files a ticket through the library, as a server with the data folder <paramref name="data"/> on <see cref="Database"/> would.</summary>
    public async Task<string> SeedTicketAsync(string data, TicketRequest request, string? contactKey = null)
    {
        var paths = new BotPaths { DataDirectory = data };
        var services = new ServiceCollection().AddPostgresSupport(paths, Database.ConnectionString);
        if (contactKey is not null)
        {
            services.Configure<TicketOptions>(options => options.ContactKey = contactKey);
        }

        await using var provider = services.BuildServiceProvider();
        var ticket = await provider.GetRequiredService<TicketService>().CreateAsync(request);
        return ticket.Number;
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
