using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Tests.Channels;

/// <summary>Keeps every formatted log line, so tests can check what is (and is not) written to logs.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (lines)
        {
            lines.Add(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
