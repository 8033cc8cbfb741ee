using Microsoft.AspNetCore.RateLimiting;

namespace WeComHelpBot.Server.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The web chat's Direct Line: its settings (checked on start), conversations, endpoints and rate limits.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .Validate(
                o => o.TokenLifetime > DirectLineOptions.WebChatRefreshInterval,
                "DirectLine:TokenLifetime must be longer than the 15 minutes after which Web Chat refreshes its token.")
            .Validate(
                o => o.RefreshGracePeriod >= TimeSpan.Zero && o.RefreshGracePeriod < o.TokenLifetime && o.ConversationIdleTimeout > TimeSpan.Zero,
                "DirectLine:RefreshGracePeriod must be shorter than the token lifetime; ConversationIdleTimeout must be positive.")
            .Validate(
                o => o.MaxConversations > 0 && o.MaxConversationsPerClient > 0 && o.MaxActivitiesPerConversation > 0 && o.MaxStoredBytesPerConversation > 0 && o.MaxBodyBytes > 0
                    && o.CreatesPerMinutePerClient > 0 && o.CreateBurstPerClient > 0 && o.PostsPerMinutePerConversation > 0 && o.PostBurstPerConversation > 0,
                "DirectLine: the Max*, *PerMinute* and *Burst* limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineEndpoints>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy<string, DirectLineClientRateLimiterPolicy>(DirectLineRateLimiting.ClientPolicy);
            limiter.AddPolicy<string, DirectLineConversationRateLimiterPolicy>(DirectLineRateLimiting.ConversationPolicy);
        });
        return services;
    }
}
