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
        configureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Builds the services and loads the knowledge base; on a broken knowledge base writes its problems (file:line)
    /// to the error output and returns null, and the command exits with 2.
    /// </summary>
    public ServiceProvider? Start(ParseResult parse)
    {
        var services = CreateServices(parse);
        try
        {
            services.GetRequiredService<KnowledgeBase>();
            return services;
        }
        catch (KnowledgeLoadException ex)
        {
            var error = parse.InvocationConfiguration.Error;
            error.WriteLine($"知识库有 {ex.Problems.Count} 处问题，无法启动（先运行 wecomhelp kb validate）：");
            foreach (var problem in ex.Problems)
            {
                error.WriteLine(problem);
            }

            services.Dispose();
            return null;
        }
    }
}
