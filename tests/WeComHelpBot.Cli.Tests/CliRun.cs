using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Cli;

namespace WeComHelpBot.Cli.Tests;

/// <summary>Runs `wecomhelp` in-process with captured output, against the fixture knowledge base.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static string ValidKnowledge => Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid");

    public static string BrokenKnowledge => Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken");

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public static async Task<CliRun> RunAsync(string[] args, string input = "", string? knowledge = null, Action<IServiceCollection>? configure = null, string? data = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        // A data folder of its own unless the test shares one between runs: a shared one (the temp folder itself)
        // mixes state with every other run on the machine.
        var ownData = data is null;
        data ??= Path.Combine(Path.GetTempPath(), "wecomhelp-cli-tests", Guid.NewGuid().ToString("N"));
        string[] common = ["--knowledge", knowledge ?? ValidKnowledge, "--data", data];
        try
        {
            var code = await CliApp.RunAsync([.. args, .. common], output, error, new StringReader(input), configure);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            if (ownData && Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
