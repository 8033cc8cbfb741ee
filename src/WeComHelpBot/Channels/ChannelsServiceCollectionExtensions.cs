using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeComHelpBot.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>What every channel shares: the in-process adapter, its error reporter, and the per-conversation turn gate.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TurnErrorReporter>();
        services.TryAddSingleton<ReplyCollectingAdapter>();
        services.TryAddSingleton<ConversationTurnGate>();
        return services;
    }
}
