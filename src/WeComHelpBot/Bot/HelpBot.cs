using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Bot;

/// <summary>
/// The bot's turn: greets new members, rejects input it cannot read with a clear reply, and hands
/// every readable message to the first <see cref="IMessageHandler"/> that takes it. State is saved at the end of each turn.
/// </summary>
public sealed class HelpBot : ActivityHandler
{
    private readonly IReadOnlyList<IMessageHandler> handlers;
    private readonly ConversationState conversationState;
    private readonly UserState userState;
    private readonly ILogger<HelpBot> logger;
    private readonly IReadOnlyList<IAttachmentHandler> attachmentHandlers;

    public HelpBot(
        IEnumerable<IMessageHandler> handlers,
        ConversationState conversationState,
        UserState userState,
        ILogger<HelpBot> logger,
        IEnumerable<IAttachmentHandler>? attachmentHandlers = null)
    {
        this.handlers = MessagePipeline.Arrange(handlers);
        this.attachmentHandlers = attachmentHandlers?.ToList() ?? [];
        this.conversationState = conversationState;
        this.userState = userState;
        this.logger = logger;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(BotTexts.Welcome), cancellationToken);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var hasAttachment = turnContext.Activity.Attachments?.Count > 0;
        if (hasAttachment)
        {
            foreach (var attachmentHandler in attachmentHandlers)
            {
                if (await attachmentHandler.TryHandleAsync(turnContext, cancellationToken))
                {
                    return;
                }
            }
        }

        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turnContext.SendActivityAsync(hasAttachment ? BotTexts.NonTextMessage : BotTexts.EmptyMessage, cancellationToken: cancellationToken);
            return;
        }

        if (text.Length > BotTexts.MaxMessageLength)
        {
            await turnContext.SendActivityAsync(BotTexts.MessageTooLong, cancellationToken: cancellationToken);
            return;
        }

        turnContext.Activity.Text = text;
        foreach (var handler in handlers)
        {
            if (await handler.TryHandleAsync(turnContext, cancellationToken))
            {
                return;
            }
        }

        logger.LogWarning("No handler took a message in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
    }

    protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        logger.LogInformation("Ignored activity of type {ActivityType}", turnContext.Activity.Type);
        return Task.CompletedTask;
    }
}
