using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Images;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Server.BotFramework;
using WeComHelpBot.Server.DirectLine;
using WeComHelpBot.Server.Images;
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
        services.Configure<ImageOptions>(configuration.GetSection(ImageOptions.SectionName));
        services.AddHostedService<OcrStartupCheck>();
        services.AddChannels();
        services.AddHttpClient();
        services.AddForwardedClientAddresses(configuration);

        // No MicrosoftAppId: local mode (no authentication), as the Emulator and tests use it. The wrapper keeps that
        // authentication and shares connector clients across turns instead of building two clients per request.
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedClientsBotFrameworkAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<CloudAdapter>()),
            new ConnectorClientCache(sp.GetRequiredService<TimeProvider>())));
        services.Configure<BotFrameworkOptions>(configuration.GetSection(BotFrameworkOptions.SectionName));
        services.AddSingleton<LocalModePolicy>();
        services.AddSingleton<HelpBotCloudAdapter>();
        services.AddSingleton<BotMessagesEndpoint>();

        services.AddDirectLine(configuration);

        services.Configure<WeComOptions>(configuration.GetSection(WeComOptions.SectionName));
        services.AddWeComChannel();
        services.AddSingleton<WeComEndpoints>();
        return services;
    }
}
