using Microsoft.Bot.Builder;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Hears what the knowledge handler replied (for analytics, feedback and hand-over offers) and may add lines and
/// buttons under the reply. Register implementations in DI as <c>services.AddSingleton&lt;IKnowledgeTurnObserver, X&gt;()</c>.
/// </summary>
public interface IKnowledgeTurnObserver
{
    /// <summary>
    /// An entry's answer was sent: for a question (<paramref name="answer"/> holds the retrieval result), or for a pick
    /// among offered entries (<paramref name="answer"/> is null).
    /// </summary>
    Task<KnowledgeReplyExtras> OnAnsweredAsync(ITurnContext turnContext, KnowledgeEntry entry, KnowledgeAnswer? answer, CancellationToken cancellationToken = default);

    /// <summary>The question got "您是想问…" (clarify) or the out-of-scope reply.</summary>
    Task<KnowledgeReplyExtras> OnNotAnsweredAsync(ITurnContext turnContext, KnowledgeAnswer answer, CancellationToken cancellationToken = default);
}
