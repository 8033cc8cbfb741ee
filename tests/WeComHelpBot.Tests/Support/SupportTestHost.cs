using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Support;

/// <summary>The support services on a real LiteDB file in a temp folder, with a fake clock (starts 2026-11-25 10:00 China time).</summary>
public sealed class SupportTestHost : IDisposable
{
    private readonly TempFolder folder = new();
    private ServiceProvider? provider;

    public SupportTestHost(Action<SupportOptions>? configure = null)
    {
        Paths = new BotPaths { DataDirectory = folder.Path };
        Configure = configure;
        provider = Build();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));

    public BotPaths Paths { get; }

    public string DatabaseFile => Paths.DatabaseFile;

    private Action<SupportOptions>? Configure { get; }

    public T Get<T>() where T : notnull => (provider ?? throw new ObjectDisposedException(nameof(SupportTestHost))).GetRequiredService<T>();

    /// <summary>Closes the database file, as a process exit would.</summary>
    public void CloseDatabase()
    {
        provider?.Dispose();
        provider = null;
    }

    /// <summary>A new "process" on the same file.</summary>
    public void Restart()
    {
        CloseDatabase();
        provider = Build();
    }

    public void Dispose()
    {
        CloseDatabase();
        folder.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddBotStorage(Paths);
        services.AddSupport(Paths);
        if (Configure is not null)
        {
            services.Configure(Configure);
        }

        return services.BuildServiceProvider();
    }
}
