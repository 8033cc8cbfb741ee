using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Bot;

/// <summary>
/// The start-up check, in one place for every host: loads knowledge/ and dialogs/ (each problem as file:line) and
/// opens the database (checked before it is opened for writing), so a broken file stops the host before it serves
/// anything. The exceptions are the ones <see cref="StartupFailure.Explain"/> turns into one message and exit code 2.
/// </summary>
public static class BotStartupCheck
{
    /// <param name="storage">False for commands that never touch the database (they still run beside a damaged one).</param>
    public static void Run(IServiceProvider services, bool storage = true)
    {
        services.GetRequiredService<KnowledgeBase>();
        services.GetRequiredService<FlowCatalog>();
        if (storage)
        {
            services.GetRequiredService<IStorage>();
        }
    }
}
