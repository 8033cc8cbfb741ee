using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Images;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Server.BotFramework;
using WeComHelpBot.Server.Desk;
using WeComHelpBot.Server.DirectLine;
using WeComHelpBot.Server.LocalAccess;
using WeComHelpBot.Server.Readiness;
using WeComHelpBot.Server.Telemetry;
using WeComHelpBot.Server.Images;
using WeComHelpBot.Server.WeCom;
using WeComHelpBot.Support;
using WeComHelpBot.Storage;
using WeComHelpBot.Tickets;

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
        services.Configure<TicketOptions>(configuration.GetSection(TicketOptions.SectionName));
        services.Configure<ImageOptions>(configuration.GetSection(ImageOptions.SectionName));
        services.AddHostedService<OcrStartupCheck>();
        services.AddChannels();
        services.AddHttpClient();
        services.AddForwardedClientAddresses(configuration);

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
        services.Configure<BotFrameworkOptions>(configuration.GetSection(BotFrameworkOptions.SectionName));
        services.AddSingleton<LocalModePolicy>();
        services.AddSingleton<HelpBotCloudAdapter>();
        services.AddSingleton<BotMessagesEndpoint>();

        services.AddDirectLine(configuration);

        services.Configure<WeComOptions>(configuration.GetSection(WeComOptions.SectionName));
        services.Configure<WeComHelpBot.Channels.WeComKf.WeComKfOptions>(configuration.GetSection(WeComHelpBot.Channels.WeComKf.WeComKfOptions.SectionName));
        services.Configure<WeComHelpBot.Channels.WeComAiBot.WeComAiBotOptions>(configuration.GetSection(WeComHelpBot.Channels.WeComAiBot.WeComAiBotOptions.SectionName));
        services.AddWeComChannel();
        services.AddSingleton<WeComEndpoints>();
        services.AddSupportConsole(configuration);

        services.AddLocalAccess();
        services.AddReadiness();
        services.AddServerTelemetry(configuration);
        return services;
    }
}
