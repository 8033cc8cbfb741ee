using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Bot;

/// <summary>
/// One stage of the message pipeline (interrupts → active flow → follow-ups → knowledge answer → fallback).
/// <see cref="HelpBot"/> asks the handlers in ascending <see cref="Order"/>; the first that returns true owns the turn.
/// </summary>
public interface IMessageHandler
{
    /// <summary>Lower runs first. Flows 100, support follow-ups 200, knowledge 1000.</summary>
    int Order { get; }

    Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default);
}
