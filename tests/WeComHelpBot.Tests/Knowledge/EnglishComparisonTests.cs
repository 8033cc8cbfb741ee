using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// How an English question's two sides are found. The comparison itself is answered as a Chinese one is
/// (<see cref="ComparisonRulesTests"/>): before, "the difference between WeChat certification and …" went to the entry
/// about personal WeChat and WeCom, whose English questions hold "difference between" and "WeChat".
/// </summary>
public sealed class EnglishComparisonTests
{
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
}
