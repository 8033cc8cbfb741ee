using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Server.BotFramework;
using WeComHelpBot.Server.DirectLine;
using WeComHelpBot.Server.WeCom;
using WeComHelpBot.Support;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Server;

public static class ServerServiceCollectionExtensions
{
    /// <summary>The bot and the three ways to reach it: Bot Framework (/api/messages), Direct Line for the web chat, and WeCom.</summary>
    public static IServiceCollection AddHelpBotServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.AddWeComHelpBot(ServerConfiguration.ReadBotPaths(configuration));
        services.Configure<RetrievalOptions>(configuration.GetSection(RetrievalOptions.SectionName));
        services.Configure<KnowledgeOptions>(configuration.GetSection(KnowledgeOptions.SectionName));
        services.AddHostedService<RetrievalCacheReport>();
        services.Configure<SupportOptions>(configuration.GetSection(SupportOptions.SectionName));
        services.AddChannels();
        services.AddHttpClient();

        // SIGTERM ends the server within 10 s in every state: requests get 4 s to finish, then a stuck database write
        // and the file's close 2 s each (Storage:CloseTimeout, when not set otherwise).
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(4));
        services.PostConfigure<StorageOptions>(options => options.CloseTimeout ??= TimeSpan.FromSeconds(2));

        // No MicrosoftAppId: local mode (no authentication), as the Emulator and tests use it. The wrapper keeps that
        // authentication and shares connector clients across turns instead of building two clients per request.
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedClientsBotFrameworkAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<CloudAdapter>()),
            new ConnectorClientCache(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<HelpBotCloudAdapter>();
        services.AddSingleton<BotMessagesEndpoint>();

        services.Configure<DirectLineOptions>(configuration.GetSection(DirectLineOptions.SectionName));
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineEndpoints>();

        services.Configure<WeComOptions>(configuration.GetSection(WeComOptions.SectionName));
        services.AddWeComChannel();
        services.AddSingleton<WeComEndpoints>();
        return services;
    }
}
