using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Cli;

/// <summary>
/// Runs a support command (tickets, stats) against the LiteDB file from --data: builds only the storage and support
/// services. A locked or damaged database reaches CliApp, which turns it into one line on stderr and exit code 2.
/// </summary>
internal static class SupportCommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var paths = CommonOptions.ToPaths(parse);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        try
        {
            await using var provider = services.BuildServiceProvider();
            return await action(provider, output, cancellationToken);
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"写入失败：{ex.Message}");
            return 2;
        }
    }

    public static async Task<int> FailAsync(ParseResult parse, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync(message);
        return 2;
    }
}
