using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Bot;

/// <summary>
/// Looks at the files sent with a message before any <see cref="IMessageHandler"/> runs (e.g. a member import sheet).
/// Returns true when it replied; otherwise a message without text gets "only text" and one with text goes on as usual.
/// </summary>
public interface IAttachmentHandler
{
    Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default);
}
