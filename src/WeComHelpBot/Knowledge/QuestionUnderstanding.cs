using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Everything retrieval learnt about one question before the decision: the text it searched (<see cref="Focus"/>: traditional
/// characters simplified, slips corrected, a story reduced to its question), the candidates, the decision's features, and
/// the entries an answer would show (one; two for a comparison without an overview entry).
/// </summary>
public sealed record QuestionUnderstanding(
    string Question,
    string Focus,
    RetrievalResult Result,
    DecisionFeatures Features,
    IReadOnlyList<KnowledgeEntry> Shown,
    bool English,
    bool FollowUp);
