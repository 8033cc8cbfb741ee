using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Bot;

/// <summary>
/// One stage of the message pipeline. <see cref="HelpBot"/> asks the handlers in the order <see cref="MessagePipeline"/>
/// lists; the first that returns true owns the turn.
/// </summary>
public interface IMessageHandler
{
    Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default);
}
