using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// The flow engine, the flows loaded from dialogs/, and the message handler that runs them (second in MessagePipeline).
    /// Throws <see cref="FlowLoadException"/> (file:line: problem) when a flow file is broken. Named validators and
    /// actions (<see cref="IFlowValidator"/>, <see cref="IFlowAction"/>) may be registered before or after this call;
    /// they are checked when <see cref="FlowRuntime"/> is first resolved, which hosts do at start-up via IBot.
    /// </summary>
    public static IServiceCollection AddFlows(this IServiceCollection services, BotPaths paths)
    {
        // Read when first needed (BotStartupCheck), not while services are registered: a broken flow is then a
        // FlowLoadException the host reports as file:line, not an exception before the host can catch anything.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => FlowCatalog.Load(paths.DialogsDirectory));
        services.AddSingleton<FlowRuntime>();
        services.AddSingleton<IFlowStarter>(sp => sp.GetRequiredService<FlowRuntime>());
        services.AddSingleton<IMessageHandler, FlowMessageHandler>();
        return services;
    }
}
