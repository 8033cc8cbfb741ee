using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.LocalAccess;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Cli;

/// <summary>
/// Runs a support command (tickets, stats) against the database of --data: through the running server that holds the
/// file when there is one (<see cref="SupportQueriesConnector"/>), else against the file with only the storage and
/// support services. A locked or damaged database reaches CliApp, which turns it into one line on stderr and exit code 2.
/// </summary>
internal static class SupportCommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<ISupportQueries, IServiceProvider, TextWriter, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var paths = CommonOptions.ToPaths(parse);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        CommonOptions.ConfigureStorage(services);
        services.AddSupport(paths);
        try
        {
            // The database is opened only if no server answers for it: resolving the stores is what opens it.
            await using var provider = services.BuildServiceProvider();
            var queries = await SupportQueriesConnector.ConnectAsync(paths, provider, cancellationToken);
            try
            {
                return await action(queries, provider, output, cancellationToken);
            }
            finally
            {
                (queries as IDisposable)?.Dispose();
            }
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"写入失败：{ex.Message}");
            return 2;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"运行中的服务器没有完成请求：{ex.Message}");
            return 2;
        }
    }

    public static async Task<int> FailAsync(ParseResult parse, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync(message);
        return 2;
    }
}
