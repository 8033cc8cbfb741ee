namespace WeComHelpBot.Knowledge;

/// <summary>The ranked candidates for one question, best first (possibly none).</summary>
public sealed record RetrievalResult(string Question, IReadOnlyList<RetrievalCandidate> Candidates)
{
    public RetrievalCandidate? Top => Candidates.Count > 0 ? Candidates[0] : null;
}
