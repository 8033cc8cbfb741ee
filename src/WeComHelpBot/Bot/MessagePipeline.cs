using WeComHelpBot.Desk;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Images;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Bot;

/// <summary>
/// The one place that says in which order the message handlers see a message; the first that takes it owns the turn
/// (CoreBot's single dialog run, spelled out). A handler not listed here (an extension, a test probe) runs before them.
/// </summary>
public static class MessagePipeline
{
    public static readonly IReadOnlyList<Type> Stages =
    [
        typeof(TypedFactsRecorder),       // notes a typed credit code and company name for licence photos, never takes the message
        typeof(ConversationStartHandler), // records the conversation's start, never takes the message
        typeof(HandoverHoldHandler),      // an agent holds the conversation: the bot stays quiet
        typeof(FlowMessageHandler),       // the active flow (its interruptions, corrections, pause/resume), or a flow asked for
        typeof(SupportFollowUpHandler),   // what the bot just offered, 转人工 outside a flow, small talk
        typeof(KnowledgeMessageHandler),  // the knowledge base answers (or says what it can do)
    ];

    /// <summary>The handlers in pipeline order; unlisted ones first, in registration order.</summary>
    public static IReadOnlyList<IMessageHandler> Arrange(IEnumerable<IMessageHandler> handlers) =>
        handlers.OrderBy(h => Stages.ToList().IndexOf(h.GetType())).ToList();
}
