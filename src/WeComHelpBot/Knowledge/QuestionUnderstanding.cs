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
    bool FollowUp)
{
    /// <summary>
    /// What kind of question the decision weighs this as: a follow-up, a comparison (both sides found, or one side alone
    /// answering two topics), an English question, or plain.
    /// </summary>
    public QuestionType Type => FollowUp ? QuestionType.FollowUp : Features.Comparison || Features.ComparedOneSide ? QuestionType.Comparison : English ? QuestionType.English : QuestionType.Plain;
}
