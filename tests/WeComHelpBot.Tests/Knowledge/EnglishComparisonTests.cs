using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// An English question that compares two things is read as a comparison, as a Chinese one is: each side looked up on its
/// own, and the overview of both answers. Before, "the difference between WeChat certification and …" went to the entry
/// about personal WeChat and WeCom, whose English questions hold "difference between" and "WeChat".
/// </summary>
public sealed class EnglishComparisonTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Theory]
    [InlineData("What's the difference between WeChat certification and the free mode?", "WeChat certification", "the free mode")]
    [InlineData("Any differences between face recognition and bank transfer verification", "face recognition", "bank transfer verification")]
    [InlineData("Compare the face scan with the bank transfer, please", "the face scan", "the bank transfer, please")]
    [InlineData("manual input vs. Excel template", "manual input", "Excel template")]
    [InlineData("WeChat certification versus no certification?", "WeChat certification", "no certification")]
    public void EnglishSides_SplitsTheTwoThingsCompared(string question, string left, string right) =>
        Assert.Equal((left, right), KnowledgeRetriever.EnglishSides(question));

    [Theory]
    [InlineData("How long does the bank transfer take?")]
    [InlineData("What materials do I need to register")]
    [InlineData("Can my admin and my boss both log in?")] // and alone compares nothing
    public void EnglishSides_FindsNothingToCompare(string question) => Assert.Null(KnowledgeRetriever.EnglishSides(question));

    [Theory]
    [InlineData("What is the difference between WeChat certification and the verification-free mode?", "cert-types")]
    [InlineData("Compare the face scan with the bank transfer", "verify-methods")]
    public void AnEnglishComparison_IsAnsweredByTheOverviewOfBoth(string question, string entryId)
    {
        var understanding = retriever.Understand(question);

        Assert.Equal(QuestionType.Comparison, understanding.Type);
        Assert.Equal(entryId, Assert.Single(understanding.Shown).Id);
        Assert.Equal(AnswerKind.Answer, retriever.Decide(understanding).Kind);
    }
}
