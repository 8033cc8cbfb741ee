using System.Reflection;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Bot;

/// <summary>
/// The failures a host can explain to a person in one message instead of a stack trace: broken content in
/// knowledge/ or dialogs/ (each problem with file:line), a locked or damaged database file, a storage setting that
/// cannot work, and a PostgreSQL database that cannot be reached or used.
/// </summary>
public static class StartupFailure
{
    /// <summary>The user-facing message of <paramref name="exception"/> (or what it wraps), or null when it is a bug.</summary>
    public static string? Explain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is KnowledgeLoadException or FlowLoadException or StorageUnavailableException or StorageSettingsException or PostgresUnavailableException)
            {
                return current.Message;
            }

            if (current is not (TargetInvocationException or InvalidOperationException or AggregateException))
            {
                return null;
            }
        }

        return null;
    }
}
