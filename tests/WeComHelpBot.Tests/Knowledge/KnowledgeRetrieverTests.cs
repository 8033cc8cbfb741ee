using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class KnowledgeRetrieverTests : IDisposable
{
    private readonly KnowledgeIndex index;
    private readonly KnowledgeRetriever retriever;

    public KnowledgeRetrieverTests()
    {
        var options = Options.Create(new RetrievalOptions());
        index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.ValidKnowledge), options);
        retriever = new KnowledgeRetriever(index, options);
    }

    public void Dispose() => index.Dispose();

    [Theory]
    [InlineData("对公打款好几天了还没到账怎么办", "bank-transfer-timeout")]
    [InlineData("银行打款验证要几天啊", "verify-bank-transfer")]
    [InlineData("个体户最多能加几个人", "member-limits")]
    [InlineData("会话存档在哪开", "security-archive")]
    public void ColloquialQuestion_IsAnsweredWithTheRightEntry(string question, string expected)
    {
        var answer = retriever.Answer(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(expected, answer.EntryId);
        Assert.InRange(answer.Score, 0, 1);
        Assert.Equal(expected, answer.Suggestions[0].EntryId);
    }

    [Fact]
    public void Synonym_InTheQuestion_MatchesTheCanonicalWordInTheEntry()
    {
        // The entry says 个体工商户 in its answer and 个体户 in a question; both are one canonical word after rewriting.
        var withSynonym = retriever.Search("个体工商户能加多少成员");
        var withVariant = retriever.Search("个体户能加多少成员");

        Assert.Equal("member-limits", withSynonym.Top!.Entry.Id);
        Assert.Equal(withSynonym.Top.Confidence, withVariant.Top!.Confidence, 6);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("给我讲个笑话吧")]
    [InlineData("个人微信怎么加好友")]
    [InlineData("抖音怎么开直播")]
    [InlineData("怎么办啊")]
    public void QuestionOutsideTheKnowledgeBase_IsNotAnsweredConfidently(string question)
    {
        var answer = retriever.Answer(question);

        Assert.NotEqual(AnswerKind.Answer, answer.Kind);
        Assert.Null(answer.Text);
        Assert.True(answer.Score < retriever.Options.AnswerThreshold, $"score {answer.Score}");
    }

    [Fact]
    public void AnswerWithFeesLimitsOrTimes_EndsWithTheReviewedDateNote()
    {
        var answer = retriever.Answer("打款超时了咋整");

        Assert.EndsWith("（以官方最新规定为准，本条核对于 2026-01-10）", answer.Text);
    }

    [Fact]
    public void AnswerWithoutNumbers_HasNoFreshnessNote()
    {
        var answer = retriever.Answer("会话存档怎么开启");

        Assert.Equal("security-archive", answer.EntryId);
        Assert.DoesNotContain("以官方最新规定为准", answer.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？")]
    public void EmptyOrPunctuationOnly_IsOutOfScopeWithoutCandidates(string question)
    {
        var answer = retriever.Answer(question);

        Assert.Equal(AnswerKind.OutOfScope, answer.Kind);
        Assert.Empty(answer.Suggestions);
    }

    [Fact]
    public void HugeQuestion_IsCutAndStillAnswered()
    {
        var answer = retriever.Answer("对公打款验证超时怎么办" + string.Concat(Enumerable.Repeat("啊这个那个的", 5000)));

        Assert.Equal("bank-transfer-timeout", answer.Suggestions[0].EntryId);
    }

    [Fact]
    public void ConcurrentQuestions_GetTheSameAnswersAsSequentialOnes()
    {
        string[] questions = ["打款好几天没到账", "个体户能加几个人", "会话存档在哪开", "天气怎么样"];
        var expected = questions.Select(q => retriever.Answer(q)).ToList();

        var results = new KnowledgeAnswer[400];
        Parallel.For(0, results.Length, i => results[i] = retriever.Answer(questions[i % questions.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length].EntryId, results[i].EntryId);
            Assert.Equal(expected[i % questions.Length].Score, results[i].Score);
        }
    }

    [Fact]
    public void Decide_UsesTheThresholdsGiven()
    {
        var result = retriever.Search("打款验证");
        var confidence = result.Top!.Confidence;

        Assert.Equal(AnswerKind.Answer, KnowledgeRetriever.Decide(result, confidence, confidence).Kind);
        Assert.Equal(AnswerKind.Clarify, KnowledgeRetriever.Decide(result, confidence + 0.01, confidence).Kind);
        Assert.Equal(AnswerKind.OutOfScope, KnowledgeRetriever.Decide(result, confidence + 0.02, confidence + 0.01).Kind);
        Assert.True(result.Candidates.Count >= 2);
        Assert.Equal(Math.Min(KnowledgeRetriever.SuggestionCount, result.Candidates.Count), KnowledgeRetriever.Decide(result, 1.1, 1.1).Suggestions.Count);
    }
}
