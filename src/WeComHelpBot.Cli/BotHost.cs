using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Cli;

/// <summary>
/// What a command needs from the process: standard input, and the bot's services built from the common options
/// with <see cref="BotServiceCollectionExtensions.AddWeComHelpBot"/>. Tests pass their own input and can replace services.
/// </summary>
public sealed class BotHost(TextReader input, Action<IServiceCollection>? configureServices = null)
{
    public TextReader Input { get; } = input;

    public ServiceProvider CreateServices(ParseResult parse)
    {
        var services = new ServiceCollection();
        services.AddWeComHelpBot(CommonOptions.ToPaths(parse));
        CommonOptions.ConfigureStorage(services);
        configureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Builds the services and loads knowledge/ and dialogs/ now, so a broken file stops the command before it does
    /// anything: the load exception (every problem as file:line) reaches CliApp, which prints it and exits 2.
    /// The database is opened (and checked) by the first command step that needs it.
    /// </summary>
    public ServiceProvider Start(ParseResult parse)
    {
        var services = CreateServices(parse);
        try
        {
            BotStartupCheck.Run(services, storage: false);
            return services;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }
}
