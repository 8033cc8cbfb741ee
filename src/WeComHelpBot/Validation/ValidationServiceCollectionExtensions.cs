using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Validation;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// The code checks flows can name: <c>credit-code</c> (统一社会信用代码) and <c>resident-id</c> (居民身份证号码).
    /// Registering them (and the <c>code-checks</c> action that tells flows they are there) switches on the optional code
    /// steps of the troubleshooting flow.
    /// </summary>
    public static IServiceCollection AddCodeValidators(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IFlowValidator, CreditCodeFlowValidator>();
        services.AddSingleton<IFlowValidator, ResidentIdFlowValidator>();
        services.AddSingleton<IFlowAction, CodeChecksAction>();
        return services;
    }
}
