using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Bot;

namespace WeComHelpBot.FollowUps;

/// <summary>Records the start of a conversation at its first message, then lets the message go on.</summary>
public sealed class ConversationStartHandler(SupportConversationMemory memory) : IMessageHandler
{

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        await memory.EnsureStartedAsync(turnContext, cancellationToken);
        return false;
    }
}
