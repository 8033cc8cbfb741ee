namespace WeComHelpBot.Bench;

/// <summary>
/// What a scale-out soak found. Committed turns are the ones the clients know the servers saved: answered, or settled
/// from the database after no answer. Lost: saved turn counts short of that; double-applied: over it (a turn re-sent
/// although it had been saved); mixed: a reply or a saved flow position that belongs to another step or conversation;
/// undelivered: turns no process took within the retry time.
/// </summary>
public sealed record ScaleOutSoakResult(
    int Conversations,
    long Committed,
    long Answered,
    long SettledWithoutReply,
    long Resent,
    int Lost,
    int Mixed,
    int DoubleApplied,
    int Undelivered,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> ServerLogProblems)
{
    public bool Passed => Lost == 0 && Mixed == 0 && DoubleApplied == 0 && Undelivered == 0 && Problems.Count == 0 && ServerLogProblems.Count == 0;
}
