namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// The effect of one pair of thresholds: shares of in-scope questions answered right and answered wrong, clarified,
/// and the share of out-of-scope questions refused (not answered).
/// </summary>
public sealed record CalibrationRow(double DomainThreshold, double AnswerThreshold, double Right, double Wrong, double Clarified, double OutOfScopeRefused);
