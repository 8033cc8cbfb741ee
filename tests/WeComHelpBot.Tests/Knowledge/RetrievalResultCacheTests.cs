using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class RetrievalResultCacheTests : IDisposable
{
    private const string MemberQuestion = "个体户最多能加几个人";

    private readonly IOptions<RetrievalOptions> options = Options.Create(new RetrievalOptions());
    private readonly KnowledgeBase knowledge = KnowledgeLoader.LoadOrThrow(TestPaths.ValidKnowledge);
    private readonly KnowledgeIndex index;

    public RetrievalResultCacheTests()
    {
        index = new KnowledgeIndex(knowledge, options);
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public void EveryEvalQuestion_GetsTheSameCandidatesAndAnswer_WithAndWithoutTheCache()
    {
        var loaded = KnowledgeLoader.Load(TestPaths.RealKnowledge);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        using var reader = new StreamReader(TestPaths.RealEvalSet);
        var questions = EvalCaseReader.Read(TestPaths.RealEvalSet, reader).Select(c => c.Question).ToList();
        using var realIndex = new KnowledgeIndex(loaded.Knowledge, options);
        var plain = new KnowledgeRetriever(realIndex, options);
        var cache = new RetrievalResultCache(4096);
        var cached = new KnowledgeRetriever(realIndex, options, cache);

        foreach (var question in questions)
        {
            var expected = plain.Search(question);
            var missed = cached.Search(question);
            var hit = cached.Search(question);

            Assert.Equal(Describe(expected), Describe(missed));
            Assert.Equal(Describe(expected), Describe(hit));
            Assert.Equal(Describe(plain.Answer(question)), Describe(cached.Answer(question)));
            Assert.Equal(Describe(plain.Answer(question)), Describe(cached.Answer(question)));
        }

        // Each distinct question misses twice: its candidates on the first Search, its whole reading on the first Answer
        // (whose own search is then a hit); the second Search and the second Answer are hits.
        var cacheable = questions.Select(q => q.Trim()).Where(q => q.Length <= RetrievalResultCache.MaxQuestionLength).ToList();
        var distinct = cacheable.Distinct(StringComparer.Ordinal).Count();
        Assert.True(distinct > 200, $"only {distinct} cacheable questions");
        Assert.Equal(2 * distinct, cache.Misses);
        Assert.Equal((cacheable.Count * 4) - distinct, cache.Hits);
    }

    [Fact]
    public void FollowUp_IsReadInItsOwnContext_WhenTheSameTextFollowsAnotherAnswer()
    {
        var loaded = KnowledgeLoader.Load(TestPaths.RealKnowledge);
        using var realIndex = new KnowledgeIndex(loaded.Knowledge, options);
        var plain = new KnowledgeRetriever(realIndex, options);
        var cached = new KnowledgeRetriever(realIndex, options, new RetrievalResultCache(100));
        var afterTransfer = new FollowUpContext("对公打款验证要多久", "verify-bank-transfer");
        var afterCertification = new FollowUpContext("微信认证要交钱吗", "verify-wechat-cert");

        foreach (var context in new[] { afterTransfer, afterCertification, afterTransfer, null })
        {
            Assert.Equal(Describe(plain.Answer("那要多久", context)), Describe(cached.Answer("那要多久", context)));
        }
    }

    [Fact]
    public void SecondIdenticalQuestion_IsAHit_AndReturnsTheSameCandidates()
    {
        var cache = new RetrievalResultCache(100);
        var retriever = new KnowledgeRetriever(index, options, cache);

        var first = retriever.Search(MemberQuestion);
        Assert.Equal((0, 1), (cache.Hits, cache.Misses));

        var second = retriever.Search(MemberQuestion);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
        Assert.Same(first.Candidates, second.Candidates);
        Assert.Equal("member-limits", second.Top!.Entry.Id);
    }

    [Fact]
    public void SurroundingSpaces_ShareTheEntry_ButEachCallerKeepsItsOwnQuestion()
    {
        var cache = new RetrievalResultCache(100);
        var retriever = new KnowledgeRetriever(index, options, cache);

        retriever.Search(MemberQuestion);
        var spaced = retriever.Search($"  {MemberQuestion}\n");

        Assert.Equal(1, cache.Hits);
        Assert.Equal($"  {MemberQuestion}\n", spaced.Question);
        Assert.Equal($"  {MemberQuestion}\n", retriever.Answer($"  {MemberQuestion}\n").Question);
    }

    [Fact]
    public void TextsThatDifferInsideTheQuestion_AreLookedUpSeparately()
    {
        var cache = new RetrievalResultCache(100);
        var retriever = new KnowledgeRetriever(index, options, cache);

        retriever.Search("个体户最多能加几个人");
        retriever.Search("个体户最多能加几个人？");
        retriever.Search("个体户 最多能加几个人");
        retriever.Search("ＡＢＣ");
        retriever.Search("abc");

        Assert.Equal((0, 5), (cache.Hits, cache.Misses));
        Assert.Equal(5, cache.Count);
    }

    [Fact]
    public void ManyDistinctQuestions_NeverHoldMoreThanTheCapacity()
    {
        var cache = new RetrievalResultCache(10);
        var retriever = new KnowledgeRetriever(index, options, cache);

        for (var i = 0; i < 60; i++)
        {
            retriever.Search($"个体户最多能加{i}个人");
            Assert.InRange(cache.Count, 1, 10);
        }

        Assert.Equal(60, cache.Misses);
    }

    [Fact]
    public void VeryLongQuestion_IsSearchedEveryTime_AndNotKept()
    {
        var cache = new RetrievalResultCache(100);
        var retriever = new KnowledgeRetriever(index, options, cache);
        var longQuestion = string.Concat(Enumerable.Repeat("个体户能加几个人", 20));
        Assert.True(longQuestion.Length > RetrievalResultCache.MaxQuestionLength);

        var first = retriever.Search(longQuestion);
        var second = retriever.Search(longQuestion);

        Assert.Equal((0, 0, 0), (cache.Hits, cache.Misses, cache.Count));
        Assert.NotSame(first.Candidates, second.Candidates);
        Assert.Equal(first.Top!.Entry.Id, second.Top!.Entry.Id);
    }

    [Fact]
    public void CachedCandidates_CannotBeChangedByACaller()
    {
        var retriever = new KnowledgeRetriever(index, options, new RetrievalResultCache(100));
        var first = retriever.Search(MemberQuestion);

        Assert.IsNotType<List<RetrievalCandidate>>(first.Candidates);
        Assert.IsNotType<RetrievalCandidate[]>(first.Candidates);
        var asList = Assert.IsAssignableFrom<IList<RetrievalCandidate>>(first.Candidates);
        Assert.Throws<NotSupportedException>(() => asList.Clear());
        Assert.Throws<NotSupportedException>(() => asList[0] = asList[^1]);
        Assert.Equal("member-limits", retriever.Search(MemberQuestion).Top!.Entry.Id);
    }

    [Fact]
    public void ReplacedKnowledgeBase_DoesNotServeResultsOfTheOldOne()
    {
        var cache = new RetrievalResultCache(100);
        var before = new KnowledgeRetriever(index, options, cache);
        Assert.Equal("member-limits", before.Search(MemberQuestion).Top!.Entry.Id);

        // The same knowledge base without member-limits, as after an edit and a reload.
        var edited = new KnowledgeBase(knowledge.Entries.Where(e => e.Id != "member-limits").ToList(), knowledge.Synonyms, knowledge.OutOfScope);
        using var editedIndex = new KnowledgeIndex(edited, options);
        var after = new KnowledgeRetriever(editedIndex, options, cache);
        var result = after.Search(MemberQuestion);

        Assert.DoesNotContain(result.Candidates, c => c.Entry.Id == "member-limits");
        Assert.Equal((0, 2), (cache.Hits, cache.Misses));
        Assert.Equal(1, cache.Count);
        Assert.Equal(Describe(new KnowledgeRetriever(editedIndex, options).Search(MemberQuestion)), Describe(result));
    }

    [Fact]
    public void OtherRetrievalSettings_DoNotShareResults()
    {
        var cache = new RetrievalResultCache(100);
        var oneCandidate = Options.Create(new RetrievalOptions { Candidates = 1 });
        var full = new KnowledgeRetriever(index, options, cache).Search("打款验证");
        var narrow = new KnowledgeRetriever(index, oneCandidate, cache).Search("打款验证");

        Assert.True(full.Candidates.Count > 1);
        Assert.Single(narrow.Candidates);
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public void SizeZero_TurnsTheCacheOff()
    {
        var cache = new RetrievalResultCache(0);
        var retriever = new KnowledgeRetriever(index, options, cache);

        var first = retriever.Search(MemberQuestion);
        var second = retriever.Search(MemberQuestion);

        Assert.False(cache.Enabled);
        Assert.Equal((0, 0, 0), (cache.Hits, cache.Misses, cache.Count));
        Assert.NotSame(first.Candidates, second.Candidates);
        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void ConcurrentTurns_GetTheSameResultsAsOneAtATime()
    {
        string[] questions = ["打款验证", MemberQuestion, "会话存档在哪开", "对公打款好几天了还没到账怎么办", "今天天气怎么样"];
        var plain = new KnowledgeRetriever(index, options);
        var expected = questions.ToDictionary(q => q, q => Describe(plain.Search(q)));
        var cache = new RetrievalResultCache(3);
        var cached = new KnowledgeRetriever(index, options, cache);

        var results = new (string Question, string Described)[400];
        Parallel.For(0, results.Length, i =>
        {
            var question = questions[i % questions.Length];
            results[i] = (question, Describe(cached.Search(question)));
        });

        Assert.All(results, r => Assert.Equal(expected[r.Question], r.Described));
        Assert.Equal(results.Length, cache.Hits + cache.Misses);
        Assert.InRange(cache.Count, 1, 3);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2000, true)]
    public void ResultCacheSize_FromSettings_SetsUpTheCacheTheRetrieverUses(int size, bool enabled)
    {
        var services = new ServiceCollection();
        services.AddKnowledge(new BotPaths { KnowledgeDirectory = TestPaths.ValidKnowledge });
        services.Configure<KnowledgeOptions>(o => o.ResultCacheSize = size);
        using var provider = services.BuildServiceProvider();

        var cache = provider.GetRequiredService<RetrievalResultCache>();
        var answerer = provider.GetRequiredService<IKnowledgeAnswerer>();
        answerer.Answer(MemberQuestion);
        answerer.Answer(MemberQuestion);

        Assert.Equal(enabled, cache.Enabled);
        Assert.Equal(enabled ? 1 : 0, cache.Hits);
    }

    [Fact]
    public void NegativeResultCacheSize_IsRejectedWithTheSettingName()
    {
        var services = new ServiceCollection();
        services.AddKnowledge(new BotPaths { KnowledgeDirectory = TestPaths.ValidKnowledge });
        services.Configure<KnowledgeOptions>(o => o.ResultCacheSize = -1);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<RetrievalResultCache>());
        Assert.Contains("Knowledge:ResultCacheSize", error.Message);
    }

    private static string Describe(RetrievalResult result) =>
        $"{result.Question}|" + string.Join(";", result.Candidates.Select(c => $"{c.Entry.Id},{c.Confidence:R},{c.LuceneScore:R},{c.Rank:R}"));

    private static string Describe(KnowledgeAnswer answer) =>
        $"{answer.Question}|{answer.Kind}|{answer.EntryId}|{answer.Title}|{answer.Text}|{answer.Score:R}|"
        + string.Join(";", answer.Suggestions.Select(s => $"{s.EntryId},{s.Title},{s.Score:R}"));
}
