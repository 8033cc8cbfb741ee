using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tests.Support;

/// <summary>The support services on a real LiteDB file in a temp folder, with a fake clock (starts 2026-11-25 10:00 China time).</summary>
public sealed class SupportTestHost : IDisposable
{
    private readonly ReopenableServices services;

    public SupportTestHost(Action<SupportOptions>? configure = null)
    {
        services = new ReopenableServices((collection, paths) =>
        {
            collection.AddLogging();
            collection.AddBotStorage(paths);
            collection.AddSupport(paths);
            if (configure is not null)
            {
                collection.Configure(configure);
            }
        });
    }

    public FakeTimeProvider Time => services.Time;

    public BotPaths Paths => services.Paths;

    public string DatabaseFile => Paths.DatabaseFile;

    public T Get<T>() where T : notnull => services.Services.GetRequiredService<T>();

    /// <summary>Closes the database file, as a process exit would.</summary>
    public void CloseDatabase() => services.Close();

    /// <summary>A new "process" on the same file.</summary>
    public void Restart() => services.Reopen();

    public void Dispose() => services.Dispose();
}
