using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Cli.Commands;

namespace WeComHelpBot.Cli;

/// <summary>The `wecomhelp` command line. Each area adds its commands in its own file.</summary>
public static class CliApp
{
    /// <param name="configureServices">Runs after the bot's services are registered (tests replace TimeProvider, storage…).</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        TextReader? input = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var host = new BotHost(input ?? Console.In, configureServices);
        var root = new RootCommand("WeComHelpBot：企业微信注册助手");
        foreach (var option in CommonOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(AskCommand.Create(host));
        root.Subcommands.Add(ChatCommand.Create(host));
        root.Subcommands.Add(KbCommand.Create(host));
        root.Subcommands.Add(TicketsCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(MembersCommand.Create());
        root.Subcommands.Add(UsersCommand.Create(host));

        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(config);
        }
        catch (Exception ex) when (StartupFailure.Explain(ex) is { } message)
        {
            // Broken content or an unusable database: the reason in one message, exit 2 (bad input).
            await config.Error.WriteLineAsync(message);
            return 2;
        }
    }
}
