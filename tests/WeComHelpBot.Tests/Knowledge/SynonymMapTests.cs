using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class SynonymMapTests
{
    private readonly SynonymMap map = new([["对公打款", "银行打款", "打款"], ["法定代表人", "法人"], ["事业单位", "学校", "医院"]]);

    [Theory]
    [InlineData("打款好几天了", "对公打款好几天了")]
    [InlineData("对公打款好几天了", "对公打款好几天了")]
    [InlineData("银行打款超时", "对公打款超时")]
    [InlineData("法人不在本地", "法定代表人不在本地")]
    [InlineData("我们是学校", "我们是事业单位")]
    [InlineData("没有同义词", "没有同义词")]
    public void Normalize_RewritesToTheCanonicalWord_LongestMatchFirst(string text, string expected)
    {
        Assert.Equal(expected, map.Normalize(text));
    }

    [Fact]
    public void Analyzer_AppliesTheSameRewritingAsNormalize()
    {
        using var analyzer = new KnowledgeAnalyzer(map);

        Assert.Equal(analyzer.Terms("title", "对公打款超时"), analyzer.Terms("title", "打款超时"));
        Assert.Equal(analyzer.Terms("grams", "对公打款超时"), analyzer.Terms("grams", "银行打款超时"));
    }

    [Fact]
    public void EnglishGroups_RewriteTheEnglishFieldsOnly_PhrasesIncluded()
    {
        var english = new SynonymMap([["法定代表人", "法人"]], [["fee", "cost", "price"], ["batch", "at a time", "in one go"]]);
        using var analyzer = new KnowledgeAnalyzer(english);

        Assert.Equal(["fee"], analyzer.Terms("en_questions", "What is the PRICE?"));
        Assert.Contains("fee", analyzer.Terms("en_questions", "How much does it cost"));
        Assert.Equal(["add", "them", "batch"], analyzer.Terms("en_questions", "add them in one go"));
        Assert.Equal(["add", "them", "batch"], analyzer.Terms("en_questions", "add them at a time"));
        Assert.Contains("cost", analyzer.Terms("title", "cost"));
    }
}
