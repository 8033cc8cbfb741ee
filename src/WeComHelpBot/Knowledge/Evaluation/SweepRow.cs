namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>
/// The effect of one answer threshold: <see cref="Precision"/> is the share of answered questions answered with the
/// right entry (an answered out-of-scope question counts as wrong), <see cref="Coverage"/> the share of in-scope
/// questions answered, <see cref="Refusal"/> the share of out-of-scope questions not answered.
/// </summary>
public sealed record SweepRow(double Threshold, double Precision, double Coverage, double Refusal, bool InUse);
