using WeComHelpBot.Validation;

namespace WeComHelpBot.Tests.Validation;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91110108551385082Q")]
    [InlineData("91440300708461136T")]
    [InlineData("12100000400000624D")]
    [InlineData("91350100M000100Y43")]
    public void Check_AcceptsRealCodes(string code) => Assert.True(UnifiedSocialCreditCode.Check(code).IsValid);

    [Theory]
    [InlineData("９１４４０３００７０８４６１１３６Ｔ")]
    [InlineData(" 9144 0300 7084 6113 6t ")]
    [InlineData("914403-00708461136T")]
    public void Check_NormalizesWhatPeopleType(string typed)
    {
        var result = UnifiedSocialCreditCode.Check(typed);

        Assert.True(result.IsValid);
        Assert.Equal("91440300708461136T", result.Normalized);
    }

    [Fact]
    public void Check_ReportsLengthWhenADigitIsMissing()
    {
        var result = UnifiedSocialCreditCode.Check("9144030070846113T");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("17 位", problem);
        Assert.Contains("18 位", problem);
    }

    [Theory]
    [InlineData("91440300708461I36T", 'I', "第 15 位", "1")]
    [InlineData("9144030070846113OT", 'O', "第 17 位", "0")]
    [InlineData("91440300708461S36T", 'S', "第 15 位", "5")]
    public void Check_NamesLettersThatCannotAppear(string code, char letter, string position, string digit)
    {
        var problem = Assert.Single(UnifiedSocialCreditCode.Check(code).Problems);

        Assert.Contains(position, problem);
        Assert.Contains($"“{letter}”", problem);
        Assert.Contains($"“{digit}”", problem);
    }

    [Fact]
    public void Check_ReportsTheExpectedCheckCharacter()
    {
        var problem = Assert.Single(UnifiedSocialCreditCode.Check("91440300708461136A").Problems);

        Assert.Contains("应是“T”", problem);
        Assert.Contains("“A”", problem);
    }

    [Fact]
    public void Check_CatchesTwoSwappedDigits()
    {
        Assert.False(UnifiedSocialCreditCode.Check("91440300708416136T").IsValid);
    }

    [Fact]
    public void Check_ReportsACategoryThatDoesNotMatchTheAuthority()
    {
        var first17 = "97440300708461136";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

        var problem = Assert.Single(UnifiedSocialCreditCode.Check(code).Problems);

        Assert.Contains("第 2 位", problem);
        Assert.Contains("个体工商户", problem);
    }

    [Fact]
    public void Check_ReportsAnUnknownAuthority()
    {
        var first17 = "B1440300708461136";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

        Assert.Contains(UnifiedSocialCreditCode.Check(code).Problems, p => p.Contains("第 1 位"));
    }

    [Fact]
    public void Check_AsksForTheCodeWhenNothingWasTyped() =>
        Assert.Contains("18 位", Assert.Single(UnifiedSocialCreditCode.Check("  ").Problems));

    [Theory]
    [InlineData("91440300708461136T", "企业")]
    [InlineData("92370102MA3C8XXXXX", "个体工商户")]
    [InlineData("12100000400000624D", "事业单位")]
    public void DescribeEntity_ReadsThePrefix(string code, string entity) =>
        Assert.Equal(entity, UnifiedSocialCreditCode.DescribeEntity(code));
}
