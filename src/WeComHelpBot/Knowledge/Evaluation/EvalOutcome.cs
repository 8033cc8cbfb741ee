namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>What retrieval did with one labelled question at the thresholds in use.</summary>
public sealed record EvalOutcome(EvalCase Case, RetrievalResult Result, KnowledgeAnswer Answer)
{
    public string? TopId => Result.Top?.Entry.Id;

    public double TopConfidence => Result.Top?.Confidence ?? 0;

    public bool Top1 => Case.InScope && TopId == Case.Expected;

    public bool Top3 => Case.InScope && Result.Candidates.Take(KnowledgeRetriever.SuggestionCount).Any(c => c.Entry.Id == Case.Expected);

    /// <summary>Out of scope and not answered (a clarify question is not an answer).</summary>
    public bool Rejected => !Case.InScope && Answer.Kind != AnswerKind.Answer;

    /// <summary>A miss: in scope and not ranked first, or out of scope and answered anyway.</summary>
    public bool Miss => Case.InScope ? !Top1 : !Rejected;
}
