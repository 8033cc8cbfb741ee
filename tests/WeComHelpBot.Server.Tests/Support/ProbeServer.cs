using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>A shared server with <see cref="ProbeMessageHandler"/> in front of the real pipeline (xUnit class fixture).</summary>
public sealed class ProbeServer : IDisposable
{
    public ProbeServer()
    {
        Factory = new HelpBotServerFactory().WithServices(s => s.AddSingleton<IMessageHandler>(Probe));
    }

    public ProbeMessageHandler Probe { get; } = new();

    public HelpBotServerFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}
