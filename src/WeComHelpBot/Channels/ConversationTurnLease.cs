using Microsoft.Bot.Builder;

namespace WeComHelpBot.Channels;

/// <summary>A turn's hold on its conversation (<see cref="ConversationTurnGate.EnterTurnAsync"/>) and the bot to run it with.</summary>
public sealed class ConversationTurnLease(IDisposable? lease, IBot bot) : IDisposable
{
    /// <summary>The bot to run the turn with: the one given, or one that fails the turn when storage could not be used.</summary>
    public IBot Bot { get; } = bot;

    public void Dispose() => lease?.Dispose();
}
