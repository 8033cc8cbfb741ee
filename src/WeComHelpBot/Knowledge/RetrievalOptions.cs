namespace WeComHelpBot.Knowledge;

/// <summary>
/// Retrieval settings (section "Knowledge:Retrieval"). The decision to answer is knowledge/decision.yaml's calibrated
/// model; the two thresholds here are the fallback for a knowledge folder without one (see knowledge/README.md).
/// </summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Knowledge:Retrieval";

    /// <summary>
    /// Confidence at or above which the bot answers with the top entry, used only when the knowledge folder has no
    /// fitted decision.yaml (a new knowledge base before `wecomhelp kb calibrate`).
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.35;

    /// <summary>Confidence at or above which (and below <see cref="AnswerThreshold"/>) the bot asks "您是想问…".</summary>
    public double ClarifyThreshold { get; set; } = 0.25;

    public float TitleBoost { get; set; } = 3f;

    public float QuestionsBoost { get; set; } = 3f;

    public float TagsBoost { get; set; } = 1.5f;

    /// <summary>
    /// Weight of the answer text in the Lucene search; 0 leaves it out of the query. Since the example questions doubled
    /// (2026-12-06) the answer clause changed no first entry on any dev question but cost a third of a search at 10,000
    /// entries (bench/README.md); the confidence still credits words found only in the answer (AnswerTermCredit).
    /// </summary>
    public float AnswerBoost { get; set; } = 0f;

    public float GramsBoost { get; set; } = 0.6f;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; set; } = 1.2f;

    /// <summary>BM25 length normalisation.</summary>
    public float B { get; set; } = 0.75f;

    /// <summary>How many Lucene hits are re-ranked by confidence (12: the same first entry as 20 on every dev question, at 60 % of the cost).</summary>
    public int Candidates { get; set; } = 12;

    /// <summary>
    /// A term held by more than this share of the entries (in one field) does not choose the Lucene hits; it still adds
    /// its score to each hit (<see cref="CommonTermSearch"/>). 0.6: its BM25 IDF is under 0.5. 1 turns it off.
    /// </summary>
    public double CommonTermShare { get; set; } = 0.6;

    /// <summary>Share of the final rank that comes from the BM25 score (the rest from confidence).</summary>
    public double LuceneRankWeight { get; set; } = 0.3;

    /// <summary>Credit for a query word found only in an entry's answer (1 for title, questions and tags).</summary>
    public double AnswerTermCredit { get; set; } = 0.5;

    /// <summary>Share of confidence from word coverage; the rest comes from character-bigram coverage.</summary>
    public double WordCoverageWeight { get; set; } = 0.5;

    /// <summary>
    /// Share of confidence from coverage of the question by the whole entry; the rest comes from the closest single
    /// phrasing (title or example question), measured as weighted Dice overlap.
    /// </summary>
    public double CoverageWeight { get; set; } = 0.3;

    /// <summary>Longer questions are cut to this many characters before analysis.</summary>
    public int MaxQueryLength { get; set; } = 200;

    /// <summary>A message of at most this many characters right after an answer may be read as a follow-up of it.</summary>
    public int FollowUpMaxLength { get; set; } = 12;

    /// <summary>Below this confidence on its own, a short message after an answer is read in the previous answer's context.</summary>
    public double FollowUpPlainConfidence { get; set; } = 0.45;

    /// <summary>At most this many distinct terms of a question are searched.</summary>
    public int MaxQueryTerms { get; set; } = 32;
}
