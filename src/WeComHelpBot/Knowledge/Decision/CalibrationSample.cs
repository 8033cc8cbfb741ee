using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Knowledge.Decision;

/// <summary>One labelled question, understood: the decision's features and what a right decision is for it.</summary>
public sealed record CalibrationSample(EvalCase Case, QuestionUnderstanding Understanding)
{
    public bool InScope => Case.InScope;

    /// <summary>Answering would show the right entry (or both sides of a comparison).</summary>
    public bool ShownIsRight => Case.IsRight(Understanding.Shown.Select(e => e.Id).ToList());

    /// <summary>The right entry is among the suggestions a "您是想问…" would offer.</summary>
    public bool RightInSuggestions => Case.InScope && Understanding.Result.Candidates.Take(KnowledgeRetriever.SuggestionCount).Any(c => Case.EntryIds.Contains(c.Entry.Id));

    /// <summary>The fold a sample belongs to: by the question's text, so one question never sits on both sides.</summary>
    public int Fold(int folds)
    {
        // FNV-1a: stable across runs and machines, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in Case.Question.Trim())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)folds);
    }
}
