namespace WeComHelpBot.Knowledge;

/// <summary>Answers a free-text question from the knowledge base. Thread-safe; one per process.</summary>
public interface IKnowledgeAnswerer
{
    KnowledgeAnswer Answer(string question);
}
