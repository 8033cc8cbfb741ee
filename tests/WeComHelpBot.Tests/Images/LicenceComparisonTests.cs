using WeComHelpBot.Images;

namespace WeComHelpBot.Tests.Images;

public sealed class LicenceComparisonTests
{
    [Fact]
    public void Code_EachDifferingPositionIsNamed()
    {
        var differences = LicenceComparison.CompareCode("91350100MOO0100Y43", TestImages.ValidCode);

        Assert.Equal(["第 10 位：您填的是“O”，执照上是“0”", "第 11 位：您填的是“O”，执照上是“0”"], differences);
    }

    [Fact]
    public void Code_TypedInGroupsAndLowerCase_IsTheSame()
    {
        Assert.Empty(LicenceComparison.CompareCode("9135 0100 m000 100y 43", TestImages.ValidCode));
    }

    [Fact]
    public void Code_DifferentLength_SaysRetypeTheWholeCode()
    {
        Assert.Contains("17 位", Assert.Single(LicenceComparison.CompareCode("91350100M00100Y43", TestImages.ValidCode)));
    }

    [Fact]
    public void Name_HalfWidthBrackets_AreNamedAsTheDifference()
    {
        Assert.Contains("括号不一样", LicenceComparison.CompareName("星河科技(福州)有限公司", "星河科技（福州）有限公司"));
    }

    [Fact]
    public void Name_DifferentCharacter_IsNamed()
    {
        Assert.Contains("第 3 个字“新”应为“星”", LicenceComparison.CompareName("福州新河网络科技有限公司", TestImages.CompanyName));
        Assert.Null(LicenceComparison.CompareName(TestImages.CompanyName, TestImages.CompanyName));
    }
}
