using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Channels.WeComAiBot;
using WeComHelpBot.Channels.WeComKf;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Channels.WeCom;

public static class WeComServiceCollectionExtensions
{
    /// <summary>
    /// The WeCom callback handler and its message/send client. The host binds <see cref="WeComOptions"/> from
    /// its configuration; without CorpId, Token and EncodingAESKey the callback answers 404.
    /// </summary>
    public static IServiceCollection AddWeComChannel(this IServiceCollection services)
    {
        services.AddChannels();
        services.AddOptions<WeComOptions>()
            .Validate(
                o => !o.CallbackConfigured || WeComCrypto.IsValidEncodingAesKey(o.EncodingAESKey),
                "WeCom:EncodingAESKey must be the 43-character key from WeCom's admin console.")
            .Validate(
                o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "WeCom:ApiBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.MessageIdRetention >= o.DeduplicationWindow, "WeCom:MessageIdRetention must be at least twice WeCom:TimestampTolerance plus a minute.")
            .Validate(o => o.ReplyTimeout > TimeSpan.Zero && o.TimestampTolerance > TimeSpan.Zero && o.MaxBodyBytes > 0, "WeCom timeouts and sizes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new WeComApiClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(15) },
            sp.GetRequiredService<IOptions<WeComOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WeComApiClient>>()));
        services.TryAddSingleton<WeComMessageIdStore>();
        services.TryAddSingleton<WeComCallbackHandler>();

        // 微信客服 (kf) rides on the same callback and access token; its state lives behind IWeComKfStore.
        services.AddOptions<WeComKfOptions>()
            .Validate(o => o.HandoverServiceState is 0 or 2 or 3, "WeCom:Kf:HandoverServiceState must be 0, 2 or 3.")
            .Validate(o => o.HandoverServiceState != 3 || !string.IsNullOrEmpty(o.HandoverServicerUserId), "WeCom:Kf:HandoverServicerUserId is needed when HandoverServiceState is 3.")
            .Validate(o => o.WindowMessages > 0 && o.WindowDuration > TimeSpan.Zero && o.MaxMessageAge > TimeSpan.Zero, "WeCom:Kf window and age must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<HandoverSignals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFlowObserver, HandoverSignalObserver>());
        services.AddStore<IWeComKfStore, LiteDbWeComKfStore, PostgresWeComKfStore>();
        services.TryAddSingleton(sp => new WeComKfClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(15) },
            sp.GetRequiredService<WeComApiClient>(),
            sp.GetRequiredService<IOptions<WeComOptions>>()));
        services.TryAddSingleton<WeComKfService>();
        services.TryAddSingleton<IWeComKfEventSink>(sp => sp.GetRequiredService<WeComKfService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationMessenger, WeComKfMessenger>());

        // The AI bot's long connection: a hosted service that does nothing without WeCom:AiBot:BotId and Secret.
        services.AddOptions<WeComAiBotOptions>()
            .Validate(
                o => !o.Configured || (Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && (uri.Scheme == "wss" || uri.Scheme == "ws")),
                "WeCom:AiBot:Url must be an absolute ws(s) URL.")
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.ReconnectDelay > TimeSpan.Zero && o.LeaseDuration > o.HeartbeatInterval, "WeCom:AiBot intervals must be positive, the lease longer than the heartbeat.")
            .ValidateOnStart();
        services.AddStore<ILeaseStore, LiteDbLeaseStore, PostgresLeaseStore>();
        services.TryAddSingleton<WeComAiBotHandler>();
        services.TryAddSingleton<WeComAiBotConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<WeComAiBotConnection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationMessenger, WeComAiBotMessenger>());
        return services;
    }
}
