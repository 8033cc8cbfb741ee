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
    public int Fold(int folds) => (int)(Hash() % (uint)folds);

    /// <summary>The fold inside a training set (the thresholds' out-of-fold probabilities): another cut of the same hash, so it does not line up with <see cref="Fold"/>.</summary>
    public int InnerFold(int folds) => (int)(Hash() / 7919 % (uint)folds);

    private uint Hash()
    {
        // FNV-1a: stable across runs and machines, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in Case.Question.Trim())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
