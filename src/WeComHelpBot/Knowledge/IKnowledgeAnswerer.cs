namespace WeComHelpBot.Knowledge;

/// <summary>Answers a free-text question from the knowledge base. Thread-safe; one per process.</summary>
public interface IKnowledgeAnswerer
{
    KnowledgeAnswer Answer(string question);

    /// <summary>Answers a message sent right after the turn <paramref name="context"/> (null: no context).</summary>
    KnowledgeAnswer Answer(string question, FollowUpContext? context) => Answer(question);
}
