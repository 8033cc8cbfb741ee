using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// The terms nearly every entry holds (企业, 微信, 怎么) do not choose the Lucene hits, yet the hits and their scores are
/// the whole query's: the retrieval benchmark's 10,000 entries spent most of a question's time scoring those terms.
/// </summary>
public sealed class CommonTermSearchTests : IDisposable
{
    private readonly KnowledgeIndex index;

    public CommonTermSearchTests()
    {
        index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge), Options.Create(new RetrievalOptions()));
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public void ATermInMostEntries_IsCommon_AndATermOfAFewIsNot()
    {
        Assert.True(index.Clause(KnowledgeAnalyzer.GramsField, "企业", isGram: true)!.Value.Common);
        Assert.True(index.Clause(KnowledgeAnalyzer.GramsField, "怎么", isGram: true)!.Value.Common);
        Assert.False(index.Clause(KnowledgeAnalyzer.GramsField, "对公", isGram: true)!.Value.Common);
        Assert.All(ClausesOf(index, "水印"), c => Assert.False(c.Common, c.Query.ToString()));
    }

    [Fact]
    public void WithTheShareAtOne_NoTermIsCommon()
    {
        var real = KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge);
        using var off = new KnowledgeIndex(real, Options.Create(new RetrievalOptions { CommonTermShare = 1 }));

        Assert.False(off.Clause(KnowledgeAnalyzer.GramsField, "企业", isGram: true)!.Value.Common);
    }

    [Fact]
    public void EveryEvalQuestion_GetsTheWholeQuerysHits_InItsOrder_WithItsScores()
    {
        var questions = File.ReadLines(TestPaths.RealEvalSet)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
            .ToList();
        var inTwoSteps = 0;

        foreach (var question in questions)
        {
            var clauses = ClausesOf(index, question);
            var expected = index.Searcher.Search(Whole(clauses), 12).ScoreDocs;
            var searcher = Recording();
            var found = CommonTermSearch.Search(searcher, clauses, 12);
            inTwoSteps += searcher.Queries is [BooleanQuery only] && only.Clauses.Count < clauses.Count ? 1 : 0;

            Assert.Equal(expected.Select(h => h.Doc), found.Select(h => h.Doc));
            // The two steps add the same terms' scores in another order: equal but for the float's last digits.
            Assert.All(expected.Zip(found), pair => Assert.Equal(pair.First.Score, pair.Second.Score, pair.First.Score * 1e-5));
        }

        // Many questions find enough hits by their own words: the test covers the two steps, not only the whole query.
        Assert.True(inTwoSteps > questions.Count / 4, $"{inTwoSteps} of {questions.Count}");
    }

    [Fact]
    public void TheCommonTerms_DoNotSearchEveryEntry()
    {
        var searcher = Recording();
        var clauses = ClausesOf(index, "企业微信的年审怎么弄");
        Assert.Contains(clauses, c => c.Common);

        var hits = CommonTermSearch.Search(searcher, clauses, 12);

        Assert.NotEmpty(hits);
        var searched = Assert.Single(searcher.Queries);
        Assert.All(((BooleanQuery)searched).Clauses, c => Assert.DoesNotContain(clauses, common => common.Common && common.Query == c.Query));
    }

    [Fact]
    public void AQuestionOfCommonTermsOnly_IsSearchedWhole()
    {
        // Each of these words is common in the questions and the bigrams, not in the titles and tags.
        var clauses = ClausesOf(index, "企业微信怎么").Where(c => c.Common).ToList();
        Assert.NotEmpty(clauses);

        var found = CommonTermSearch.Search(index.Searcher, clauses, 12);

        Assert.Equal(index.Searcher.Search(Whole(clauses), 12).ScoreDocs.Select(h => h.Doc), found.Select(h => h.Doc));
    }

    [Fact]
    public void FewerDistinctiveHitsThanWanted_SearchesTheWholeQuery()
    {
        // 水印 is in a few of the 54 entries: with only the shipped entries, the distinctive terms find fewer than 24
        // hits, so the entries only the common terms match may still be among the 12.
        var searcher = Recording();
        var clauses = ClausesOf(index, "企业微信水印");
        Assert.Contains(clauses, c => c.Common);

        var found = CommonTermSearch.Search(searcher, clauses, 12);

        Assert.Equal(2, searcher.Queries.Count);
        Assert.Equal(index.Searcher.Search(Whole(clauses), 12).ScoreDocs.Select(h => h.Doc), found.Select(h => h.Doc));
    }

    private RecordingSearcher Recording() => new(index.Searcher.IndexReader) { Similarity = index.Searcher.Similarity };

    /// <summary>The clauses the retriever searches for a question: its words in the title, questions and tags, its bigrams.</summary>
    private static List<SearchClause> ClausesOf(KnowledgeIndex on, string question)
    {
        var words = on.Analyzer.Terms(KnowledgeIndex.TitleField, question).Distinct();
        var grams = on.Analyzer.Terms(KnowledgeAnalyzer.GramsField, question).Distinct();
        return words.SelectMany(w => new[] { KnowledgeIndex.TitleField, KnowledgeIndex.QuestionsField, KnowledgeIndex.TagsField }.Select(f => on.Clause(f, w, isGram: false)))
            .Concat(grams.Select(g => on.Clause(KnowledgeAnalyzer.GramsField, g, isGram: true)))
            .OfType<SearchClause>()
            .ToList();
    }

    private static BooleanQuery Whole(IEnumerable<SearchClause> clauses)
    {
        var query = new BooleanQuery();
        foreach (var clause in clauses)
        {
            query.Add(clause.Query, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>An index searcher that remembers the queries searched over every document.</summary>
    private sealed class RecordingSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        public List<Query> Queries { get; } = [];

        public override TopDocs Search(Query query, int n)
        {
            Queries.Add(query);
            return base.Search(query, n);
        }
    }
}
