using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>Runs `wecomhelp` in-process against a temp data folder, and seeds that folder through the library.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "wecomhelp-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public string DatabaseFile => new BotPaths { DataDirectory = DataDirectory }.DatabaseFile;

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--data", DataDirectory], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Uses the support services on the data folder, then closes the file before the CLI opens it.</summary>
    public async Task SeedAsync(Func<IServiceProvider, Task> seed)
    {
        var paths = new BotPaths { DataDirectory = DataDirectory };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        await using var provider = services.BuildServiceProvider();
        await seed(provider);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
