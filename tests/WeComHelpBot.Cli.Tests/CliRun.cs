using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Cli;

namespace WeComHelpBot.Cli.Tests;

/// <summary>Runs `wecomhelp` in-process with captured output, against the fixture knowledge base.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static string ValidKnowledge => Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid");

    public static string BrokenKnowledge => Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken");

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public static async Task<CliRun> RunAsync(string[] args, string input = "", string? knowledge = null, Action<IServiceCollection>? configure = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // A fresh data folder per run: the shared temp folder holds other processes' state (other branches, other runs).
        var data = Directory.CreateTempSubdirectory("wecomhelpbot-cli-tests-");
        try
        {
            string[] common = ["--knowledge", knowledge ?? ValidKnowledge, "--data", data.FullName];
            var code = await CliApp.RunAsync([.. args, .. common], output, error, new StringReader(input), configure);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
