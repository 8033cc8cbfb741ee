namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// The decision for one <see cref="QuestionType"/>: its own answer and clarify thresholds on p_entry, and its own p_entry
/// model when the type had enough training questions to fit one (otherwise the shared model scores it).
/// </summary>
public sealed record TypeDecision(double AnswerThreshold, double ClarifyThreshold, LogisticModel? Entry = null);
