using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeComHelpBot.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// What every channel shares: the in-process adapter, its error reporter, the per-conversation turn gate, and the
    /// turn counter middleware (adapters built from DI run every registered <see cref="IMiddleware"/>).
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TurnErrorReporter>();
        services.TryAddSingleton<ReplyCollectingAdapter>();
        services.TryAddSingleton(sp => new ConversationTurnGate(Storage.StorageServiceCollectionExtensions.SharedConversationLock(sp)));
        services.TryAddSingleton<ConversationTurnCounter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, ConversationTurnCounter>(sp => sp.GetRequiredService<ConversationTurnCounter>()));
        return services;
    }
}
