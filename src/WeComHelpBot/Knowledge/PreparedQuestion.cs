namespace WeComHelpBot.Knowledge;

/// <summary>
/// A question ready for retrieval: <see cref="Text"/> with traditional characters simplified, <see cref="Focus"/> with
/// slips corrected (<see cref="Corrections"/> of them) and, for a story (<see cref="Story"/>), only its question and topic.
/// </summary>
public sealed record PreparedQuestion(string Text, string Focus, int Corrections, bool Story, bool English);
