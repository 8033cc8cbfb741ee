namespace WeComHelpBot.Knowledge;

/// <summary>The loaded, validated knowledge base: entries in file order and the synonym groups.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, KnowledgeEntry> byId;

    public KnowledgeBase(IReadOnlyList<KnowledgeEntry> entries, SynonymMap synonyms, OutOfScopeTerms? outOfScope = null, Decision.DecisionModel? decision = null)
    {
        Decision = decision;
        Entries = entries;
        Synonyms = synonyms;
        OutOfScope = outOfScope ?? OutOfScopeTerms.Empty;
        byId = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byId.TryAdd(entry.Id, entry);
        }
    }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public SynonymMap Synonyms { get; }

    /// <summary>Other products and topics a question may name that make it out of scope.</summary>
    public OutOfScopeTerms OutOfScope { get; }

    /// <summary>The calibrated decision from decision.yaml, or null when the folder has none yet.</summary>
    public Decision.DecisionModel? Decision { get; }

    /// <summary>What a comparison may ask of both sides (aspects.yaml); empty when the folder has none.</summary>
    public IReadOnlyList<Understanding.Aspect> Aspects { get; init; } = [];

    public KnowledgeEntry? Find(string id) => byId.GetValueOrDefault(id);
}
