using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Support;

/// <summary>
/// The services of one test "process" on a data folder in a temp folder, with a fake clock (starts 2026-11-25 10:00
/// China time). <see cref="Close"/> stands for the process exiting (the database file is closed) and
/// <see cref="Reopen"/> for a new process on the same files; the clock and the folder outlive both.
/// </summary>
public sealed class ReopenableServices : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Action<IServiceCollection, BotPaths> register;
    private ServiceProvider? provider;

    /// <param name="register">Adds the services under test; the fake clock is already registered as <see cref="TimeProvider"/>.</param>
    public ReopenableServices(Action<IServiceCollection, BotPaths> register)
    {
        this.register = register;
        Paths = new BotPaths { DataDirectory = folder.Path };
        provider = Build();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));

    public BotPaths Paths { get; }

    /// <summary>The open process's services; throws between <see cref="Close"/> and <see cref="Reopen"/>.</summary>
    public IServiceProvider Services => provider ?? throw new ObjectDisposedException(nameof(ReopenableServices), "the services are closed; call Reopen first");

    public void Close()
    {
        provider?.Dispose();
        provider = null;
    }

    public void Reopen()
    {
        Close();
        provider = Build();
    }

    public void Dispose()
    {
        Close();
        folder.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        register(services, Paths);
        return services.BuildServiceProvider();
    }
}
