using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Desk;

/// <summary>
/// While an agent holds a conversation the bot stays quiet there: this handler takes every message first, says once
/// that a person is on it, and tells the console (the message itself is already in the masked transcript).
/// </summary>
public sealed class HandoverHoldHandler(IHandoverHoldStore holds, SupportDesk desk) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || await holds.FindAsync(conversationId, cancellationToken) is not { } hold)
        {
            return false;
        }

        if (!hold.UserTold)
        {
            await holds.SaveAsync(hold with { UserTold = true }, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text(DeskTexts.AgentOnIt(hold.Agent)), cancellationToken);
        }

        await desk.OnUserMessageWhileHeldAsync(hold, cancellationToken);
        return true;
    }
}
