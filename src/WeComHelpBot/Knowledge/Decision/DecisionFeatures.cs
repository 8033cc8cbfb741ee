namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// What the decision reads about one question. <see cref="Domain"/> answers "is this about registering WeCom?";
/// <see cref="Entry"/> answers "does the first entry answer it?". The order of each list is <see cref="DomainNames"/>
/// and <see cref="EntryNames"/>, the names knowledge/decision.yaml uses.
/// </summary>
public sealed record DecisionFeatures(IReadOnlyList<double> Domain, IReadOnlyList<double> Entry)
{
    public static readonly IReadOnlyList<string> DomainNames =
    [
        "known_words",      // share of the focus's content words the knowledge base uses
        "known_grams",      // share of its character bigrams the knowledge base uses
        "unknown_weight",   // summed IDF of content words the knowledge base never uses (scaled /10)
        "top_confidence",
        "asks",             // a question word or question mark
        "length",           // log(1 + content words)
        "english",
        "key_words",        // share of the focus's content words that some title, example question or tag uses
        "top_closest",      // the first entry's closeness to its nearest example question
        "top_bm25",         // log(1 + the first entry's BM25 score)
        "spoken",           // spoken filler in the question (啊, 咋, 压根): said, not typed into a search box
    ];

    public static readonly IReadOnlyList<string> EntryNames =
    [
        "confidence",       // the first entry's confidence (coverage and closeness mixed)
        "margin",           // first minus second confidence
        "coverage",         // share of the focus's weight the first entry covers
        "closest",          // closeness to the entry's nearest example question
        "bm25_share",       // first BM25 score / (first + second)
        "names_key_term",   // the question names one of the entry's tags or title words
        "agrees",           // BM25 alone ranks the same entry first
        "corrected",        // a typo was corrected
        "follow_up",        // read in the context of the previous answer
        "comparison",       // two topics named; the answer shows both
        "story",            // a long question reduced to its focus
        "english",
        "clause_confidence", // a story's best single asking clause, alone (the confidence itself otherwise)
        "most_confident",   // no other candidate has a higher confidence than the first
        "bm25",             // log(1 + the first entry's BM25 score)
        "comparison_fit",   // a comparison: the share of the weaker side's topic its entry (or the overview) holds; 0 otherwise
        "comparison_margin", // a comparison: how far the weaker side's entry leads the next entry for that side; 0 otherwise
        "comparison_aspect", // a comparison answered by the entry about the aspect it asks of both sides (aspects.yaml)
        "comparison_hub",   // a comparison answered by the comparing overview that lists both sides among its related entries
        "comparison_sides", // a comparison answered with the two sides' own entries side by side
        "comparison_one_side", // two topics compared, but one entry answers that is not about both
        "follow_up_moved",  // a follow-up answered by another entry than the previous answer's
        "follow_up_own",    // a follow-up: the share of the message alone (without the previous question) the first entry covers
        "follow_up_continues", // the context holds the reply: 还是不行 on the same entry, a topic its bulleted list names, an entry it points to
    ];

    private static readonly int ComparisonIndex = ((IList<string>)EntryNames).IndexOf("comparison");
    private static readonly int OneSideIndex = ((IList<string>)EntryNames).IndexOf("comparison_one_side");

    /// <summary>Two topics were named and both found: the answer would show both sides or an overview of them.</summary>
    public bool Comparison => Entry.Count > ComparisonIndex && Entry[ComparisonIndex] > 0;

    /// <summary>Two topics were compared, but the answer would be one entry that is not about both.</summary>
    public bool ComparedOneSide => Entry.Count > OneSideIndex && Entry[OneSideIndex] > 0;

    /// <summary>No candidates at all: nothing to answer with.</summary>
    public static DecisionFeatures None { get; } = new(new double[DomainNames.Count], new double[EntryNames.Count]);
}
