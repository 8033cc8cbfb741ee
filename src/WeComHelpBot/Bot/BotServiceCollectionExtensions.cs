using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Channels;
using WeComHelpBot.Dialogs;
using WeComHelpBot.Images;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Telemetry;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>Everything the bot needs, for any host (CLI, server, tests). Each area registers its own services.</summary>
    public static IServiceCollection AddWeComHelpBot(this IServiceCollection services, BotPaths paths)
    {
        services.AddSingleton(paths);
        services.AddLogging();
        services.AddBotStorage(paths);

        // First middleware of every adapter built from DI: text every recognizer can read.
        services.AddSingleton<IMiddleware, MessageTextSanitizer>();

        // Second, so a turn's time covers the bot and the writes of every middleware after it.
        services.AddBotMetrics();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddKnowledge(paths);
        services.AddFlows(paths);
        services.AddCodeValidators();
        services.AddSupport(paths);
        services.AddImageReading();
        services.AddChannels();
        services.AddSingleton<HelpBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<HelpBot>());
        return services;
    }
}
