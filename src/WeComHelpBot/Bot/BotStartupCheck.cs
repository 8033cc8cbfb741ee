using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Bot;

/// <summary>
/// The start-up check, in one place for every host: loads knowledge/ and dialogs/ (each problem as file:line) and
/// opens the database (a LiteDB file is checked before it is opened for writing; a PostgreSQL database is connected to
/// and its schema brought up to date), so a broken file or an unusable database stops the host before it serves anything. The exceptions are the ones <see cref="StartupFailure.Explain"/> turns into one message and exit code 2.
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
            ConnectSharedDatabase(services);

            // A configured ticket contact key that cannot be a key: one line now, not a failed hand-over later.
            services.GetService<ContactProtector>();
        }
    }

    /// <summary>
    /// With PostgreSQL: connects and migrates now, so an unreachable server, a refused login, a missing database or a
    /// schema newer than this build is one line at start (PostgresUnavailableException) and not a failed first turn.
    /// Nothing to do with LiteDB, whose file is checked when it is opened.
    /// </summary>
    public static void ConnectSharedDatabase(IServiceProvider services)
    {
        if (StorageServiceCollectionExtensions.UsesPostgres(services))
        {
            // Hosts call this once before they serve; nothing else runs on this thread yet.
            services.GetRequiredService<PostgresDatabase>().MigrateAsync().GetAwaiter().GetResult();
        }
    }
}
