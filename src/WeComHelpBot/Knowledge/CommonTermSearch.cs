using Lucene.Net.Index;
using Lucene.Net.Search;

namespace WeComHelpBot.Knowledge;

/// <summary>One term query of a question's search, and whether its term is in most of the entries (企业, 微信, 怎么).</summary>
public readonly record struct SearchClause(TermQuery Query, bool Common);

/// <summary>
/// A BM25 search in which the terms nearly every entry holds do not choose the hits. Such a term adds little to any
/// score (a term in 60 % of the entries has an IDF of 0.5; one in a single entry of 54, 3.6) but is scored for nearly
/// every entry: at 10,000 entries those clauses were most of a question's time. The other terms find the hits, twice as
/// many as asked for; each hit then gets the common terms' score too, and the hits are ranked by those whole scores.
/// When the other terms find fewer hits than that, or the question has only common terms, the whole query runs.
/// An entry only the common terms would have lifted into the best from below the other terms' best 24 is missed: with
/// the 54 shipped entries that happened to no question of the eval files. Lucene's CommonTermsQuery ranks the same way
/// through a required clause, which Lucene.Net scores in document order (BooleanScorer2): three times slower here than
/// the unordered BooleanScorer of an all-SHOULD query.
/// </summary>
public static class CommonTermSearch
{
    /// <summary>How many more hits than asked for the distinctive terms find, so the common terms can still reorder them.</summary>
    private const int Widening = 2;

    /// <summary>The <paramref name="count"/> best documents for all <paramref name="clauses"/> (SHOULD), best first.</summary>
    public static ScoreDoc[] Search(IndexSearcher searcher, IReadOnlyList<SearchClause> clauses, int count)
    {
        var distinctive = Query(clauses, common: false);
        var common = Query(clauses, common: true);
        if (distinctive.Clauses.Count == 0 || common.Clauses.Count == 0)
        {
            return searcher.Search(Query(clauses, common: null), count).ScoreDocs;
        }

        var wanted = count * Widening;
        var hits = searcher.Search(distinctive, wanted).ScoreDocs;
        if (hits.Length < wanted)
        {
            return searcher.Search(Query(clauses, common: null), count).ScoreDocs;
        }

        AddScores(searcher, common, hits);

        // Lucene's order: the higher score first, the lower document number on a tie.
        Array.Sort(hits, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return hits[..count];
    }

    /// <summary>Adds each hit's score for <paramref name="query"/> (nothing for a hit it does not match).</summary>
    private static void AddScores(IndexSearcher searcher, Query query, ScoreDoc[] hits)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        Scorer? scorer = null;

        // A scorer moves forward only: the hits are visited in document order.
        foreach (var hit in hits.OrderBy(h => h.Doc))
        {
            var at = ReaderUtil.SubIndex(hit.Doc, leaves);
            if (at != leaf)
            {
                leaf = at;
                scorer = weight.GetScorer(leaves[at], leaves[at].AtomicReader.LiveDocs);
            }

            var doc = hit.Doc - leaves[at].DocBase;
            if (scorer is not null && scorer.DocID < doc)
            {
                scorer.Advance(doc);
            }

            if (scorer is not null && scorer.DocID == doc)
            {
                hit.Score += scorer.GetScore();
            }
        }
    }

    /// <summary>The clauses that are common (true), not common (false) or all of them (null), in the question's order.</summary>
    private static BooleanQuery Query(IReadOnlyList<SearchClause> clauses, bool? common)
    {
        var query = new BooleanQuery();
        foreach (var clause in clauses)
        {
            if (common is null || clause.Common == common)
            {
                query.Add(clause.Query, Occur.SHOULD);
            }
        }

        return query;
    }
}
