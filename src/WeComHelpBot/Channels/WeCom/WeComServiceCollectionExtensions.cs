using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        return services;
    }
}
