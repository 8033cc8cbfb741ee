using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WeComHelpBot.Bot;

/// <summary>
/// A YamlDotNet parser that remembers the event before the current one. When YamlDotNet's node loader rejects an event
/// (an ArgumentException, e.g. for "- : text: …" where a key was left out), the current event is already past the
/// mistake; the content loaders name the line of the event before it.
/// </summary>
internal sealed class PositionTrackingParser(TextReader input) : IParser
{
    private readonly Parser parser = new(input);

    public ParsingEvent? Current => parser.Current;

    /// <summary>The line of the last event read before <see cref="Current"/>, or 1 before any.</summary>
    public int PreviousLine { get; private set; } = 1;

    public bool MoveNext()
    {
        if (parser.Current is { } current)
        {
            PreviousLine = (int)Math.Max(1, current.Start.Line);
        }

        return parser.MoveNext();
    }
}
