using Microsoft.Bot.Builder;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.FollowUps;

/// <summary>
/// The support state of the conversation a turn belongs to. The object returned is the turn's cached state: change it
/// in place and HelpBot saves it at the end of the turn.
/// </summary>
public sealed class SupportConversationMemory
{
    public const string PropertyName = "support.conversation";

    private readonly IStatePropertyAccessor<SupportConversationState> accessor;
    private readonly SupportAnalytics analytics;

    public SupportConversationMemory(ConversationState conversationState, SupportAnalytics analytics)
    {
        accessor = conversationState.CreateProperty<SupportConversationState>(PropertyName);
        this.analytics = analytics;
    }

    public Task<SupportConversationState> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        accessor.GetAsync(turnContext, () => new SupportConversationState(), cancellationToken);

    /// <summary>Records ConversationStarted the first time the user sends something in this conversation.</summary>
    public async Task<SupportConversationState> EnsureStartedAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync(turnContext, cancellationToken);
        if (!state.Started && ConversationIdOf(turnContext) is { } conversationId)
        {
            await analytics.RecordConversationStartedAsync(conversationId, turnContext.Activity.ChannelId, cancellationToken);
            state.Started = true;
        }

        return state;
    }

    public static string? ConversationIdOf(ITurnContext turnContext) =>
        turnContext.Activity.Conversation?.Id is { Length: > 0 } id ? id : null;
}
