using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using WeComHelpBot.Analytics.Gaps;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Desk;
using WeComHelpBot.Server.DirectLine;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Desk;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The support console: cookie sessions (keys kept in the data folder so sessions survive a restart, or in PostgreSQL
    /// so they also hold on every server process), the lead policy, antiforgery, the messengers that carry agents' replies
    /// into web chat and WeCom, the new-ticket webhook, and the lead's knowledge edits from content gaps.
    /// </summary>
    public static IServiceCollection AddSupportConsole(this IServiceCollection services, IConfiguration configuration)
    {
        var paths = ServerConfiguration.ReadBotPaths(configuration);
        services.AddDataProtection()
            .SetApplicationName("WeComHelpBot")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.DataDirectory, "console-keys")));
        // On PostgreSQL the keys are shared in the database instead, so every server process accepts every session.
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (StorageServiceCollectionExtensions.UsesPostgres(provider))
            {
                options.XmlRepository = new PostgresSessionKeyRepository(provider.GetRequiredService<PostgresDatabase>());
            }
        });
        // The session keys sit unencrypted beside the database, as the ticket contact key does (same folder, same
        // permissions); the key manager's warning about that would otherwise greet every start.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        services.AddAuthentication(ConsoleAuthentication.Scheme).AddCookie(ConsoleAuthentication.Scheme, ConsoleAuthentication.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuthentication.LeadPolicy, policy => policy.RequireRole(nameof(DeskRole.Lead)));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = ConsoleAuthentication.AntiforgeryHeaderName;
            options.Cookie.Name = ConsoleAuthentication.AntiforgeryCookieName;
            options.Cookie.Path = "/console";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddSingleton<IConversationMessenger, DirectLineConversationMessenger>();
        services.AddSingleton<IConversationMessenger, WeComConversationMessenger>();
        services.AddHttpClient(WebhookTicketNotifier.HttpClientName);
        services.AddSingleton<ITicketCreatedObserver, WebhookTicketNotifier>();
        services.AddSingleton<ConsoleTicketViews>();
        services.AddHostedService<PostgresDeskEventRelay>();
        services.AddOptions<GapEditorOptions>().Bind(configuration.GetSection("Gaps"));
        services.AddSingleton<GapEditor>();
        services.AddSingleton<ConsoleKnowledgeEndpoints>();
        services.AddSingleton<ConsoleEndpoints>();
        return services;
    }

    /// <summary>Sessions and the page gate; before the static files, so a console page is never served without a session.</summary>
    public static WebApplication UseSupportConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((context, next) => ConsolePageGate.InvokeAsync(context, () => next()));
        return app;
    }

    public static WebApplication MapSupportConsole(this WebApplication app)
    {
        app.Services.GetRequiredService<ConsoleEndpoints>().Map(app);
        return app;
    }
}
