using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

/// <summary>Pinyin initials typed in Latin letters (dgdk, qywx) read as the domain term they stand for.</summary>
public sealed class TypoCorrectorInitialsTests
{
    [Theory]
    [InlineData(new[] { "对公打款", "订购贷款" }, "对公打款多久到账")]
    [InlineData(new[] { "订购贷款", "对公打款" }, "订购贷款多久到账")]
    public void SameInitials_TheEarlierTermIsMeant(string[] terms, string meant)
    {
        Assert.Equal("dgdk", WeComHelpBot.Recognition.Pinyin.Initials(terms[0]));
        Assert.Equal("dgdk", WeComHelpBot.Recognition.Pinyin.Initials(terms[1]));
        var corrector = new TypoCorrector(terms, _ => false, _ => false);

        var (text, corrections) = corrector.Correct("dgdk多久到账");

        Assert.Equal(meant, text);
        Assert.Equal(1, corrections);
    }

    [Fact]
    public void ShippedKnowledge_ReadsQywxAsTheSynonymCanonical()
    {
        // SmartCn cuts 企业微信 into 企业 + 微信, so only the synonym group's canonical word gives qywx its meaning.
        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge), options);

        var (text, corrections) = index.Corrector.Correct("qywx怎么注册");

        Assert.Equal("企业微信怎么注册", text);
        Assert.Equal(1, corrections);
    }
}
