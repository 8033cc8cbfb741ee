namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>What retrieval and the decision did with one labelled question.</summary>
public sealed record EvalOutcome(EvalCase Case, RetrievalResult Result, KnowledgeAnswer Answer)
{
    public string? TopId => Result.Top?.Entry.Id;

    public double TopConfidence => Result.Top?.Confidence ?? 0;

    public bool Top1 => Case.InScope && TopId is { } top && Case.EntryIds.Contains(top);

    public bool Top3 => Case.InScope && Result.Candidates.Take(KnowledgeRetriever.SuggestionCount).Any(c => Case.EntryIds.Contains(c.Entry.Id));

    public EvalVerdict Verdict => Answer.Kind switch
    {
        AnswerKind.Answer => Case.IsRight(Answer.EntryIds.Count > 0 ? Answer.EntryIds : Answer.EntryId is { } id ? [id] : []) ? EvalVerdict.Right : EvalVerdict.Wrong,
        AnswerKind.Clarify => EvalVerdict.Clarified,
        _ => EvalVerdict.Refused,
    };

    /// <summary>Out of scope and not answered (a clarify question is not an answer).</summary>
    public bool Rejected => !Case.InScope && Answer.Kind != AnswerKind.Answer;

    /// <summary>A miss: in scope and not answered right, or out of scope and answered anyway.</summary>
    public bool Miss => Case.InScope ? Verdict != EvalVerdict.Right : !Rejected;
}
